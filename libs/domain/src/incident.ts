/** What opened an incident: a spike on one of the detector's series, or an escalation rule on a mention. */
/** What opened an incident: a spike (volume, negative, terms), an escalation rule, or an agent by hand. */
export const INCIDENT_TRIGGERS = ['volume', 'negative', 'terms', 'rule', 'manual'] as const;
export type IncidentTrigger = (typeof INCIDENT_TRIGGERS)[number];

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export interface IncidentView {
  id: string;
  title: string;
  status: IncidentStatus;
  severity: IncidentSeverity;
  trigger: IncidentTrigger;
  /** The detector's figures at detection (series, value, baseline, z) or the rule that matched. */
  triggerDetails: Record<string, unknown>;
  topic: string | null;
  terms: string[];
  /** What a detected spike is about: the product named (or the brand, for a brand-wide outage) and the symptom. */
  product: string | null;
  symptom: string | null;
  ownerId: string | null;
  ownerName: string | null;
  mentionCount: number;
  platforms: string[];
  policyId: string | null;
  /** The next ladder step to page (0 before the first page). */
  escalationStep: number;
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  updatedAt: string;
}

export interface IncidentTimelineEntry {
  id: string;
  at: string;
  kind: string;
  actorId: string | null;
  details: Record<string, unknown>;
}

/**
 * The spike detector's settings, edited in the app (settings key `early_warning`). A spike is judged
 * per (product, symptom) on posting time: see the README's "Early warning and escalation".
 */
export interface EarlyWarningSettings {
  enabled: boolean;
  /** Minutes of history (by posting time) that make a product and symptom's usual level. */
  baselineMinutes: number;
  /** Robust z-score (median/MAD, with a Poisson floor) a minute must reach. */
  zThreshold: number;
  /** Fewest mentions of one product and symptom in one posted minute before it can be a spike. */
  minCount: number;
  /**
   * A minute is judged only when the stream has mentions posted at least this many minutes before it
   * (within the baseline): no history, no spike, so a cold start never opens an incident.
   */
  minHistoryMinutes: number;
  /** Posted minutes older than this are counted (as history) but never open an incident: a week-old backfill stays quiet. */
  judgeBackMinutes: number;
  /** The brand's products, as customers name them; matched ignoring case, spaces and punctuation. */
  products: string[];
  /** The brand itself: a brand-wide outage that names no product is keyed on it. */
  brand: string;
}

/** The demo brand's products, which the simulator posts about; a team replaces them with its own. */
export const DEFAULT_PRODUCTS: readonly string[] = [
  'AcmeBook Pro',
  'AcmeBook Air',
  'Acme Cloud',
  'Acme Router X2',
  'Acme Phone 12',
  'Acme Buds',
  'Acme Watch',
  'Acme Drive sync',
  'Acme app',
  'Acme printer',
];

export const DEFAULT_EARLY_WARNING: EarlyWarningSettings = {
  enabled: true,
  baselineMinutes: 60,
  // 5 rather than 3 or 4: a team sees ~1,400 minutes a day, and at 4 Poisson noise alone alarms every few days.
  zThreshold: 5,
  // Per product and symptom: at the simulator's demo rate (2/s) one key sees about one mention a minute.
  minCount: 10,
  minHistoryMinutes: 30,
  judgeBackMinutes: 15,
  products: [...DEFAULT_PRODUCTS],
  brand: 'Acme',
};

/**
 * Stored values over the defaults, so a setting added later has a value on old rows. Only the current
 * settings are copied: keys an older version stored (`termWindowS`, `groupWindowS`...) are dropped.
 */
export function completeEarlyWarning(stored: unknown): EarlyWarningSettings {
  const out = { ...DEFAULT_EARLY_WARNING, products: [...DEFAULT_EARLY_WARNING.products] };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(out) as Array<keyof EarlyWarningSettings>) {
      const value = (stored as Record<string, unknown>)[key];
      if (Array.isArray(out[key])) {
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          (out as Record<string, unknown>)[key] = value;
        }
      } else if (typeof value === typeof out[key]) (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

/** A shift handover digest: what happened over [periodStart, periodEnd). */
export interface DigestSummary {
  periodStart: string;
  periodEnd: string;
  mentions: number;
  sentiment: { negative: number; neutral: number; positive: number };
  openIncidents: Array<{ id: string; title: string; status: IncidentStatus; openedAt: string }>;
  incidentsOpened: number;
  slaBreaches: number;
  unansweredCritical: number;
}

export interface DigestView {
  id: string;
  createdAt: string;
  createdBy: string | null;
  summary: DigestSummary;
}

/** The settings key of the detector's thresholds: the api writes it, the worker reads it every tick. */
export const EARLY_WARNING_SETTINGS_KEY = 'early_warning';
