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
export {
  openWorkspace,
  documentSymbols,
  definitionAt,
  referencesAt,
  hoverAt,
  completionsAt,
  type RulesWorkspace,
  type Location,
  type DocumentSymbol,
  type Hover,
  type CompletionItem,
} from './services.js';
export type { SymbolKind } from './symbols.js';
export {
  compilePattern,
  findMatches,
  findMatchesFolded,
  findMatchesAt,
  type FoldedWindow,
  type Program,
  type PatternMatch,
  type MatchStats,
} from './pattern.js';
export { patternAnchors, type PatternAnchors, type Confirmer } from './pattern-anchors.js';
