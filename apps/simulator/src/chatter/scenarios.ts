import type { Mood } from './phrasebook';

/** Scripted stretches of traffic for demos and tests; each lasts a given number of seconds, then steady chatter resumes. */
export const SCENARIOS = ['steady', 'outage-spike', 'viral-complaint', 'influential-author', 'quiet'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioEffect {
  /** Multiplies the steady rate. */
  rateFactor: number;
  /** Moods drawn instead of the usual mix (undefined: the usual mix). */
  moods?: Mood[];
  /** The steady rate the factor applies to is at least this, so a burst happens even with chatter off (tests run at rate 0). */
  minBaseRate?: number;
  /** Posts added once, at the start. */
  opening?: Array<{ mood: Mood; text?: string; followers?: number; verified?: boolean }>;
}

export const SCENARIO_EFFECTS: Record<ScenarioName, ScenarioEffect> = {
  steady: { rateFactor: 1 },
  // Many customers at once, nearly all about the same failure: what spike detection must catch.
  'outage-spike': { rateFactor: 12, minBaseRate: 2, moods: ['outage', 'outage', 'outage', 'complaint', 'churn'] },
  // One angry post from a big account, then a wave of people piling on.
  'viral-complaint': {
    rateFactor: 6,
    moods: ['complaint', 'complaint', 'churn'],
    opening: [{ mood: 'complaint', followers: 850_000, verified: true }],
  },
  'influential-author': {
    rateFactor: 1,
    opening: [
      { mood: 'safety', followers: 2_400_000, verified: true },
      { mood: 'outage', followers: 1_100_000, verified: true },
    ],
  },
  // Nothing at all: what the silence check on source health must notice.
  quiet: { rateFactor: 0 },
};

export function isScenario(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}
