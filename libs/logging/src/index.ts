export { createLogger, loggerOptions, REDACTED_PATHS, type Logger } from './logger';
