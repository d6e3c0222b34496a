export { loadConfig, ConfigError, ENV_VARIABLES, type AppConfig } from './load-config';
export { envSchema, decodeKey, type Env } from './env.schema';
