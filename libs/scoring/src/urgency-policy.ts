import type { UrgencyLevel } from '@lp/domain';

export interface IntentRule {
  reason: string;
  weight: number;
  pattern: RegExp;
}

/**
 * How urgency (0-100) is built: every input adds points and, when it adds any, a reason. Defaults
 * below; a brand overrides any part (a partial policy is merged over the defaults).
 */
export interface UrgencyPolicy {
  /** Points every mention starts with. */
  base: number;
  /** Points = weight × probability, from minProbability up. */
  complaint: { weight: number; minProbability: number };
  /** Points = weight × -sentimentScore when the label is negative. */
  negativeSentiment: { weight: number };
  /** Phrases that make a mention urgent whatever its tone. */
  intents: readonly IntentRule[];
  verifiedAuthor: number;
  /** Log-scale reach: points = clamp((log10(followers) - log10(minFollowers)) × perDecade + atMin, 0, max). */
  reach: { minFollowers: number; atMin: number; perDecade: number; max: number };
  /** Engagements per hour since posting (likes + 2×replies + 3×(reposts + quotes)). */
  velocity: { minPerHour: number; atMin: number; perDecade: number; max: number };
  /** Handles (without @, any case) whose mentions are always looked at. */
  vip: { handles: readonly string[]; points: number };
  /** Earlier unresolved contacts from the same author. */
  repeatContact: { perContact: number; max: number };
  /** Time already waited for an answer. */
  waited: { minMinutes: number; perHour: number; max: number };
  /** Lowest urgency of each level above "low". */
  thresholds: { normal: number; high: number; critical: number };
}

export const DEFAULT_INTENTS: readonly IntentRule[] = [
  {
    reason: 'safety risk',
    weight: 45,
    pattern: /\b(fire|smok(e|ing)|burn(ed|t|ing)?|explod\w*|swell(ing|ed)|shock)\b/i,
  },
  {
    reason: 'security concern',
    weight: 35,
    pattern: /\b(hack(ed)?|breach|stolen|phishing|compromised|leak(ed)?|unauthori[sz]ed)\b/i,
  },
  {
    reason: 'data loss',
    weight: 35,
    pattern: /\b(lost (all )?(my )?(data|files|photos)|data loss|wiped|deleted everything|corrupted)\b/i,
  },
  {
    reason: 'outage',
    weight: 30,
    pattern: /\b(down|outage|offline|not working|can'?t (connect|log ?in)|no (service|signal|internet))\b/i,
  },
  { reason: 'legal threat', weight: 30, pattern: /\b(lawyer|lawsuit|sue|legal action|small claims|attorney)\b/i },
  {
    reason: 'churn risk',
    weight: 25,
    pattern: /\b(cancel(l?ing|led)?|switch(ing)? to|never (buying|again)|done with|refund)\b/i,
  },
];

export const DEFAULT_URGENCY_POLICY: UrgencyPolicy = {
  base: 5,
  complaint: { weight: 20, minProbability: 0.5 },
  negativeSentiment: { weight: 20 },
  intents: DEFAULT_INTENTS,
  verifiedAuthor: 10,
  reach: { minFollowers: 1_000, atMin: 5, perDecade: 10, max: 25 },
  velocity: { minPerHour: 20, atMin: 5, perDecade: 10, max: 20 },
  vip: { handles: [], points: 30 },
  repeatContact: { perContact: 8, max: 20 },
  waited: { minMinutes: 30, perHour: 6, max: 20 },
  thresholds: { normal: 25, high: 50, critical: 75 },
};

/** Merges a brand's partial policy over the defaults, one level deep. */
export function resolvePolicy(overrides: PartialPolicy = {}): UrgencyPolicy {
  const d = DEFAULT_URGENCY_POLICY;
  return {
    base: overrides.base ?? d.base,
    complaint: { ...d.complaint, ...overrides.complaint },
    negativeSentiment: { ...d.negativeSentiment, ...overrides.negativeSentiment },
    intents: overrides.intents ?? d.intents,
    verifiedAuthor: overrides.verifiedAuthor ?? d.verifiedAuthor,
    reach: { ...d.reach, ...overrides.reach },
    velocity: { ...d.velocity, ...overrides.velocity },
    vip: { ...d.vip, ...overrides.vip },
    repeatContact: { ...d.repeatContact, ...overrides.repeatContact },
    waited: { ...d.waited, ...overrides.waited },
    thresholds: { ...d.thresholds, ...overrides.thresholds },
  };
}

export type PartialPolicy = {
  [K in keyof UrgencyPolicy]?: UrgencyPolicy[K] extends readonly unknown[]
    ? UrgencyPolicy[K]
    : Partial<UrgencyPolicy[K]>;
};

export function urgencyLevel(urgency: number, thresholds: UrgencyPolicy['thresholds']): UrgencyLevel {
  if (urgency >= thresholds.critical) return 'critical';
  if (urgency >= thresholds.high) return 'high';
  if (urgency >= thresholds.normal) return 'normal';
  return 'low';
}

/** Log-scale points: `atMin` at `min`, `perDecade` more per factor of ten, capped at `max`; 0 below `min`. */
export function logPoints(value: number, s: { atMin: number; perDecade: number; max: number }, min: number): number {
  if (!(value >= min) || min <= 0) return 0;
  return Math.min(s.max, Math.round((Math.log10(value) - Math.log10(min)) * s.perDecade + s.atMin));
}

export function formatCount(n: number): string {
  // 999,500 rounds to "1000k": switch to millions where the thousands would round up to 1,000.
  if (n >= 999_500) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 1_000) return `${Math.round(n / 1_000)}k`;
  return String(Math.round(n));
}
