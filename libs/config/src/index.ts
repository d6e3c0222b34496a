export { loadConfig, ConfigError, ENV_VARIABLES, type AppConfig } from './load-config';
export { envSchema, type Env } from './env.schema';
