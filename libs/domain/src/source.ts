import type { Platform } from './platform';

export const SOURCE_HEALTH = ['pending', 'healthy', 'silent', 'throttled', 'failing', 'paused'] as const;
/** What the wall's coverage panel shows for a source. */
export type SourceHealth = (typeof SOURCE_HEALTH)[number];

export interface RateLimitView {
  limit: number | null;
  remaining: number | null;
  resetAt: string | null;
}

export interface QuotaView {
  used: number;
  limit: number;
  resetAt: string;
}

/** A source as the API returns it: credentials are never included, only which ones are set. */
export interface SourceView {
  id: string;
  platform: Platform;
  name: string;
  settings: Record<string, unknown>;
  enabled: boolean;
  pollIntervalMs: number;
  credentialKeys: string[];
  health: SourceHealth;
  healthReason: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastMentionAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  rateLimit: RateLimitView | null;
  quota: QuotaView | null;
  nextPollAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface HealthInput {
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastMentionAt: Date | null;
  /** Smoothed gap between mentions, in ms. */
  meanGapMs: number | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** The last failure cannot heal by retrying (expired token, refused URL). */
  lastErrorPermanent: boolean;
  /** The platform asked us to wait until this time (rate limit or quota). */
  throttledUntil: Date | null;
}

/** A source is silent after this many usual gaps without a mention (and never sooner than SILENCE_FLOOR_MS). */
export const SILENCE_GAPS = 6;
export const SILENCE_FLOOR_MS = 15 * 60_000;
export const FAILING_AFTER = 3;

export function assessSourceHealth(s: HealthInput, now: Date): { health: SourceHealth; reason: string | null } {
  if (!s.enabled) return { health: 'paused', reason: 'paused by an admin' };
  if (s.lastError && (s.lastErrorPermanent || s.consecutiveFailures >= FAILING_AFTER)) {
    return { health: 'failing', reason: s.lastError };
  }
  if (s.throttledUntil && s.throttledUntil > now) {
    return { health: 'throttled', reason: `platform limit reached; resuming at ${s.throttledUntil.toISOString()}` };
  }
  if (!s.lastSuccessAt) return { health: 'pending', reason: s.lastError };
  if (s.lastMentionAt && s.meanGapMs !== null) {
    const quietFor = now.getTime() - s.lastMentionAt.getTime();
    const usual = Math.max(SILENCE_FLOOR_MS, SILENCE_GAPS * s.meanGapMs);
    if (quietFor > usual) return { health: 'silent', reason: `no mention for ${Math.round(quietFor / 60_000)} min` };
  }
  return { health: 'healthy', reason: null };
}

/** Exponentially weighted gap between mentions, so one burst or lull does not swing it. */
export function nextMeanGap(previous: number | null, gapMs: number, weight = 0.2): number {
  return previous === null ? gapMs : previous * (1 - weight) + gapMs * weight;
}
