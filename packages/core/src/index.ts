export * from './api.js';
export { createLinter } from './linter.js';
export { defaultPacks } from './defaults.js';
export {
  bundledPacks,
  packFingerprint,
  packsDefine,
  precompile,
  type PrecompiledPacks,
  usingPrecompiled,
} from './precompiled.js';
export { crossYear, type CrossYearOptions, type CrossYearResult } from './cross-year/cross-year.js';
export { applyFixes, type FixOutcome } from './fixes.js';
export { parseDirectives, applyDirectives, type Directive } from './directives.js';
export { docsUrl, engineRules, type RuleMeta } from './engine-rules.js';
export { formatNumber, formatTerms, renderMessage } from './messages.js';
// Config resolution and its types; parsing a config file (zod) is `@govlint/core/config`.
export type { GovlintConfig, ConfigOverride } from './config/schema.js';
export type { ConfigError, ConfigParse } from './config/parse.js';
export {
  resolveConfig,
  effectiveChain,
  type LoadedConfig,
  type FileConfig,
} from './config/resolve.js';
export { dirname, resolvePath, relativeTo } from './config/paths.js';
