export { ConfigSchema, type GovlintConfig, type ConfigOverride } from './schema.js';
export {
  parseConfig,
  formatConfigError,
  configErrorAt,
  type ConfigError,
  type ConfigParse,
} from './parse.js';
export { resolveConfig, effectiveChain, type LoadedConfig, type FileConfig } from './resolve.js';
export { dirname, resolvePath, relativeTo } from './paths.js';
