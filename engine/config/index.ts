/**
 * @module Server configuration: a config file with environment overrides and sensible defaults.
 */
export { CONFIG_FIELDS, parseSize, type ConfigField } from './fields.js';
export { loadConfig, type ConfigOverrides, type LoadConfigOptions } from './load.js';
export {
  CONFIG_FILE_NAME,
  DEFAULT_CONFIG,
  type HistoryConfig,
  type LimitsConfig,
  type ServerConfig,
} from './types.js';
