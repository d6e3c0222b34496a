import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths scrubbed from every log line. Tokens reach logs through request headers and
 * through error objects that carry the failed request (twitter-api-v2 attaches it).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.Authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.bearerToken',
  '*.secret',
  '*.headers.authorization',
  '*.request.headers.authorization',
];

export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(loggerOptions(service, level));
}

export type { Logger };
