import { RateLimitedError } from '@lp/connectors';
import type { RateLimitSnapshot } from '@lp/connectors';

const MAX_BACKOFF_MS = 5 * 60_000;

/** When to poll again after a cycle that finished (possibly cut short by the rate limit). */
export function nextPollAfterSuccess(
  now: number,
  intervalMs: number,
  rateLimit: RateLimitSnapshot | null,
  morePagesPending: boolean,
): Date {
  if (rateLimit?.remaining === 0) {
    // A spent window without a reset time: wait a full interval rather than poll into a refusal.
    const reset = rateLimit.resetAt ? Date.parse(rateLimit.resetAt) : now;
    return new Date(Math.max(reset, now + intervalMs));
  }
  // Pages left over from a cycle are fetched straight away; otherwise wait the source's interval.
  return new Date(morePagesPending ? now : now + intervalMs);
}

/** After a failure: the platform's reset time for rate limits, else exponential backoff with jitter. */
export function nextPollAfterFailure(now: number, intervalMs: number, failuresSoFar: number, error: unknown): Date {
  if (error instanceof RateLimitedError) return new Date(Math.max(error.resumeAt.getTime(), now + 1_000));
  const exponent = Math.min(failuresSoFar, 10);
  const base = Math.min(MAX_BACKOFF_MS, Math.max(1_000, intervalMs) * 2 ** exponent);
  const jitter = base * 0.2 * Math.random();
  return new Date(now + base + jitter);
}
