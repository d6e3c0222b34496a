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

/** The spike detector's thresholds, edited in the app (settings key `early_warning`). */
export interface EarlyWarningSettings {
  enabled: boolean;
  /** Minutes of history that make a series' usual level. */
  baselineMinutes: number;
  /** Robust z-score (median/MAD, with a Poisson floor) a bucket must reach. */
  zThreshold: number;
  /** Fewest mentions in the current bucket before anything counts as a spike. */
  minCount: number;
  /** Seconds of recent mentions read for bursting phrases. */
  termWindowS: number;
  /** Fewest recent mentions carrying a phrase before it counts as bursting. */
  termMinCount: number;
  /** How many times its baseline rate a phrase must reach. */
  termRatio: number;
  /** A new signal joins an open incident on the same topic or phrases seen within this many seconds. */
  groupWindowS: number;
}

export const DEFAULT_EARLY_WARNING: EarlyWarningSettings = {
  enabled: true,
  baselineMinutes: 60,
  // 5 rather than 3 or 4: a team sees ~1,400 minutes a day, and at 4 Poisson noise alone alarms every few days.
  zThreshold: 5,
  minCount: 30,
  termWindowS: 120,
  termMinCount: 10,
  termRatio: 5,
  groupWindowS: 1_800,
};

/** Stored values over the defaults, so a setting added later has a value on old rows. */
export function completeEarlyWarning(stored: unknown): EarlyWarningSettings {
  const out = { ...DEFAULT_EARLY_WARNING };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(out) as Array<keyof EarlyWarningSettings>) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === typeof out[key]) (out as Record<string, unknown>)[key] = value;
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
