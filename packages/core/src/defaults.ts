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

// The compiler and the reader are developed alongside core; until they are
// exported, linting with the defaults has no templates (or reports that the
// reader is missing) instead of failing to build.
export const defaultCompile: PackCompiler = (files) => {
  const compilePack = (dsl as Exports).compilePack as PackCompiler | undefined;
  if (!compilePack) return { pack: { templates: [] }, diagnostics: [] };
  return compilePack(files);
};

export const defaultRead: ReportReader = (text, template, options) => {
  const readReport = (report as Exports).readReport as ReportReader | undefined;
  if (!readReport) throw new Error('@govlint/report does not export readReport yet');
  return readReport(text, template, options);
};
