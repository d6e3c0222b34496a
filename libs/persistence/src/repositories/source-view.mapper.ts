import { assessSourceHealth, type SourceView } from '@lp/domain';
import type { SourceEntity } from '../entities/source.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The public face of a source. Health is re-assessed against `now` because silence depends on the
 * clock, not only on the last poll. Credential values never appear, only their names.
 */
export function toSourceView(s: SourceEntity, credentialKeys: string[], now = new Date()): SourceView {
  const { health, reason } = assessSourceHealth(
    {
      enabled: s.enabled,
      lastSuccessAt: s.lastSuccessAt,
      lastMentionAt: s.lastMentionAt,
      meanGapMs: s.meanGapMs,
      consecutiveFailures: s.consecutiveFailures,
      lastError: s.lastError,
      lastErrorPermanent: s.lastErrorPermanent,
      throttledUntil: s.throttledUntil,
    },
    now,
  );
  return {
    id: s.id,
    platform: s.platform,
    name: s.name,
    settings: s.settings,
    enabled: s.enabled,
    pollIntervalMs: s.pollIntervalMs,
    credentialKeys,
    health,
    healthReason: reason,
    lastPolledAt: iso(s.lastPolledAt),
    lastSuccessAt: iso(s.lastSuccessAt),
    lastMentionAt: iso(s.lastMentionAt),
    lastError: s.lastError,
    lastErrorAt: iso(s.lastErrorAt),
    consecutiveFailures: s.consecutiveFailures,
    rateLimit: s.rateLimit,
    quota: s.quota,
    nextPollAt: s.nextPollAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
