import {
  ConnectorAuthError,
  ConnectorError,
  ConnectorPayloadError,
  RateLimitedError,
} from '../shared/connector-errors';
import { nextPacificMidnight } from './pacific-day';

/** What a failed call looked like, pulled out of a gaxios error without relying on its class identity. */
export interface YouTubeFailure {
  status: number | null;
  /** `error.errors[0].reason`, what the docs say to switch on (§3.6). */
  reason: string | null;
  message: string;
  retryAfterMs: number | null;
}

const AUTH_REASONS = new Set([
  'forbidden',
  'authError',
  'keyInvalid',
  'keyExpired',
  'accessNotConfigured',
  'insufficientPermissions',
  'ineligibleAccount',
]);
const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded']);
const THROTTLE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const SHORT_BACKOFF_MS = 60_000;

export function describeFailure(error: unknown): YouTubeFailure {
  const e = (error ?? {}) as {
    message?: unknown;
    status?: unknown;
    response?: { status?: unknown; data?: unknown; headers?: { get?: (name: string) => string | null } };
  };
  const statusValue = e.response?.status ?? e.status;
  const status = typeof statusValue === 'number' ? statusValue : null;
  const data = e.response?.data as { error?: { message?: unknown; errors?: Array<{ reason?: unknown }> } } | undefined;
  const body = data && typeof data === 'object' ? data.error : undefined;
  const reason = body?.errors?.[0]?.reason;
  const bodyMessage = typeof body?.message === 'string' ? body.message : undefined;
  const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
  return {
    status,
    reason: typeof reason === 'string' ? reason : null,
    message: bodyMessage ?? (typeof e.message === 'string' ? e.message : String(error)),
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
  };
}

export function isInvalidPageToken(error: unknown): boolean {
  return describeFailure(error).reason === 'invalidPageToken';
}

export function isQuotaExceeded(error: unknown): boolean {
  const { reason } = describeFailure(error);
  return reason !== null && QUOTA_REASONS.has(reason);
}

/**
 * Removes credentials from text bound for logs and screens: gaxios messages can carry the request URL,
 * whose query holds `key=`, and some bodies echo the token.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
    .replace(/([?&](?:key|access_token)=)[^&\s"']*/gi, '$1[redacted]')
    .replace(/(Bearer\s+)\S+/gi, '$1[redacted]');
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out;
}

/** YouTube error messages contain real HTML (`<a href=…>quota</a>`); keep only the words. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

export interface TranslateContext {
  /** e.g. 'commentThreads.list' */
  operation: string;
  secrets: readonly string[];
  now: Date;
}

/** Maps a failed call to the connector error class the poller and the reply sender act on. */
export function toConnectorError(error: unknown, ctx: TranslateContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof SyntaxError) {
    return new ConnectorPayloadError(`YouTube ${ctx.operation} returned a body that is not valid JSON`);
  }
  const f = describeFailure(error);
  const detail = redact(plain(f.message), ctx.secrets);
  const label = `YouTube ${ctx.operation} failed (${f.status === null ? 'no response' : `HTTP ${f.status}`}${f.reason ? ` ${f.reason}` : ''})`;

  if (f.reason && QUOTA_REASONS.has(f.reason)) {
    const resumeAt = nextPacificMidnight(ctx.now);
    return new RateLimitedError(`${label}: daily quota spent; resuming at ${resumeAt.toISOString()}`, resumeAt);
  }
  if (f.status === 429 || (f.reason && THROTTLE_REASONS.has(f.reason))) {
    const resumeAt = new Date(ctx.now.getTime() + (f.retryAfterMs ?? SHORT_BACKOFF_MS));
    return new RateLimitedError(`${label}: throttled; resuming at ${resumeAt.toISOString()}`, resumeAt);
  }
  if (f.status === 401 || (f.reason && AUTH_REASONS.has(f.reason))) {
    return new ConnectorAuthError(`${label}: ${detail}`);
  }
  if (f.status === null) return new ConnectorError(`${label}: ${detail}`, true);
  if (f.status >= 500 || f.status === 408) return new ConnectorError(`${label}: ${detail}`, true);
  return new ConnectorError(`${label}: ${detail}`, false);
}
