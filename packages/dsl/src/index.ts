export * from './compiled.js';
export type * as Ast from './ast.js';
export { parseRules, type ParseResult } from './parse.js';
export {
  compilePack,
  loadPack,
  analyzePack,
  type PackResult,
  type SourceFile,
  type PackFileSystem,
  type AnalyzedPack,
} from './pack.js';
export type { PackDiagnostic } from './diagnostics.js';
export { builtinPlaceholders } from './builtins.js';
export { DOCS_BASE } from './compile.js';
