/**
 * The default services: the built-in packs, the DSL's compiler and the
 * report reader. Tests inject their own through `createLinter` options.
 */
import * as dsl from '@govlint/dsl';
import * as report from '@govlint/report';
import { builtinPacks } from '@govlint/rules';
import type { PackCompiler, PackSource, ReportReader } from './api.js';

export const defaultPacks: readonly PackSource[] = builtinPacks;

type Exports = Readonly<Record<string, unknown>>;

export const defaultCompile: PackCompiler = (files) => dsl.compilePack(files);

// The reader is developed alongside core; until it is exported, linting
// with the defaults reports that it is missing instead of failing to build.

export const defaultRead: ReportReader = (text, template, options) => {
  const readReport = (report as Exports).readReport as ReportReader | undefined;
  if (!readReport) throw new Error('@govlint/report does not export readReport yet');
  return readReport(text, template, options);
};
