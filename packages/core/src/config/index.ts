/**
 * `@govlint/core/config`: reading a config file's text (syntax, then the
 * zod schema). Its own entry because zod takes ~40 ms to load: the CLI
 * imports it only when a config file exists (most runs have none).
 * Resolution (which config applies to a file) needs no zod and is exported
 * from the main entry.
 */
export { ConfigSchema } from './schema.js';
export {
  parseConfig,
  formatConfigError,
  configErrorAt,
  type ConfigError,
  type ConfigParse,
} from './parse.js';
