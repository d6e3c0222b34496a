import { type INCIDENT_TEMPLATES, type Mood } from './phrasebook';

/**
 * Scripted stretches of traffic for demos and tests; each lasts a given number of seconds, then
 * steady chatter resumes. `backlog` and `day` are not live: they add, at once, posts dated over the
 * last `seconds` (what a pipeline finds after an outage, or a day of history to judge spikes against).
 */
export const SCENARIOS = [
  'steady',
  'outage-spike',
  'viral-complaint',
  'influential-author',
  'quiet',
  'backlog',
  'day',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The product and symptom a scripted incident is about (what the early warning must name). */
export interface ScenarioIncident {
  product: string;
  symptom: keyof typeof INCIDENT_TEMPLATES;
}

export interface ScenarioEffect {
  /** Multiplies the steady rate. */
  rateFactor: number;
  /** Moods drawn instead of the usual mix (undefined: the usual mix). */
  moods?: Mood[];
  /** The steady rate the factor applies to is at least this, so a burst happens even with chatter off (tests run at rate 0). */
  minBaseRate?: number;
  /** Posts added once, at the start. */
  opening?: Array<{ mood: Mood; text?: string; followers?: number; verified?: boolean }>;
  /** Every post of the scenario is about this product and symptom (its own templates). */
  incident?: ScenarioIncident;
  /** Posts dated over the last `seconds`, added at once: steady chatter, or a day's shape from midnight to midnight. */
  backdated?: 'steady' | 'day';
}

export const SCENARIO_EFFECTS: Record<ScenarioName, ScenarioEffect> = {
  steady: { rateFactor: 1 },
  // Many customers at once, all about the same service being down: what spike detection must catch.
  'outage-spike': {
    rateFactor: 12,
    minBaseRate: 2,
    moods: ['outage'],
    incident: { product: 'Acme Cloud', symptom: 'outage' },
  },
  // One alarming post from a big account, then a wave of people saying the same happened to them.
  'viral-complaint': {
    rateFactor: 6,
    minBaseRate: 2,
    moods: ['safety'],
    incident: { product: 'AcmeBook Pro', symptom: 'safety' },
    opening: [{ mood: 'safety', followers: 850_000, verified: true }],
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
  // Steady chatter over the last `seconds` (at the steady rate, at least one a second), all arriving at once.
  backlog: { rateFactor: 1, minBaseRate: 1, backdated: 'steady' },
  // A day ending now: quiet from midnight to 07:00, then steady (at least one every 5 s).
  day: { rateFactor: 1, minBaseRate: 0.2, backdated: 'day' },
};

/** The share of the steady rate at a simulated hour of the `day` scenario. */
export function dayShape(hour: number): number {
  return hour >= 7 ? 1 : 0;
}

/** At most this many posts from one backdated scenario (the tweet store keeps 500,000). */
export const MAX_BACKDATED = 200_000;

export function isScenario(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}
