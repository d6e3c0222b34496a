import type { ChannelKind } from '@lp/domain';
import { fieldError } from '../validation.pipe';

type Config = Record<string, string | number | boolean>;

function url(value: unknown, field: string): string {
  if (typeof value !== 'string') throw fieldError(field, 'must be an http(s) URL');
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw fieldError(field, 'must be an http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw fieldError(field, 'must be an http(s) URL');
  if (parsed.username || parsed.password) throw fieldError(field, 'must not carry credentials');
  return parsed.toString();
}

function text(value: unknown, field: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200 || (pattern && !pattern.test(value))) {
    throw fieldError(field, pattern ? 'is not valid' : 'must be a non-empty string');
  }
  return value.trim();
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const HOST = /^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/;

/** Checks a channel's public settings and keeps only known keys (nothing else is ever stored). */
export function validateChannelConfig(kind: ChannelKind, config: Record<string, unknown>): Config {
  switch (kind) {
    case 'webhook':
    case 'slack':
      return { url: url(config.url, 'config.url') };
    case 'pagerduty':
      return config.url === undefined ? {} : { url: url(config.url, 'config.url') };
    case 'email': {
      const port = Number(config.port);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw fieldError('config.port', 'must be 1-65535');
      const out: Config = {
        host: text(config.host, 'config.host', HOST),
        port,
        secure: config.secure === true,
        from: text(config.from, 'config.from', EMAIL),
      };
      if (config.user !== undefined) out.user = text(config.user, 'config.user');
      if (config.to !== undefined) out.to = text(config.to, 'config.to', EMAIL);
      return out;
    }
  }
}
