import { URGENCY_LEVELS, type UrgencyLevel } from './mention';

/** First-response target per urgency level, in seconds (seconds so drills and tests can use tiny targets). */
export type SlaTargets = Record<UrgencyLevel, number>;

/** Until a manager changes them: answer a critical mention within 15 minutes, a low one within a day. */
export const DEFAULT_SLA_TARGETS_S: SlaTargets = {
  critical: 15 * 60,
  high: 60 * 60,
  normal: 4 * 60 * 60,
  low: 24 * 60 * 60,
};

export const SLA_TARGET_MIN_S = 1;
export const SLA_TARGET_MAX_S = 30 * 24 * 60 * 60;

/** The stored SLA settings. `version` counts edits, so a screen can tell it is showing the latest. */
export interface SlaSettingsView {
  firstResponseTargetsS: SlaTargets;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * Targets as stored, completed with the defaults: a level missing or malformed in storage (an older
 * row, a hand edit) falls back to its default instead of leaving mentions without a due time.
 */
export function completeSlaTargets(stored: unknown): SlaTargets {
  const source = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const targets = { ...DEFAULT_SLA_TARGETS_S };
  for (const level of URGENCY_LEVELS) {
    const value = source[level];
    if (typeof value === 'number' && Number.isInteger(value) && value >= SLA_TARGET_MIN_S && value <= SLA_TARGET_MAX_S)
      targets[level] = value;
  }
  return targets;
}

export type SlaCounts = Record<UrgencyLevel, number> & { total: number };

/** What a manager or the wall sees about response times right now, and breaches over a range. */
export interface SlaSummary {
  /** New or claimed and not yet answered. */
  open: SlaCounts;
  /** Open and already past their due time. */
  breaching: SlaCounts;
  /** The open mention that has waited longest since it was posted. */
  oldestWaiting: {
    mentionId: string;
    urgencyLevel: UrgencyLevel;
    postedAt: string;
    waitingS: number;
    dueAt: string | null;
  } | null;
  /** Breaches that happened in [since, until). */
  breaches: SlaCounts & { since: string; until: string };
  targetsS: SlaTargets;
}
