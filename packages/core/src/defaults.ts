/**
 * The default services: the built-in packs, the DSL's compiler and the
 * report reader. Tests inject their own through `createLinter` options.
 */
import { compilePack } from '@govlint/dsl';
import { readReport } from '@govlint/report';
import { builtinPacks } from '@govlint/rules';
import type { PackCompiler, PackSource, ReportReader } from './api.js';

export const defaultPacks: readonly PackSource[] = builtinPacks;

export const defaultCompile: PackCompiler = (files) => compilePack(files);

export const defaultRead: ReportReader = (text, template, options) =>
  readReport(text, template, options);
