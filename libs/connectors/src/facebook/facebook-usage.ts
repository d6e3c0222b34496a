import type { RateLimitSnapshot } from '../shared/rate-limit';

/** What the usage headers of one Graph response say, all figures as whole percentages. */
export interface GraphUsage {
  /** Highest percentage across X-App-Usage, X-Business-Use-Case-Usage and legacy X-Page-Usage; null without headers. */
  maxPercent: number | null;
  /** X-App-Usage alone: the app-wide rolling-hour budget. */
  appPercent: number | null;
  /** Largest BUC `estimated_time_to_regain_access`, in minutes (0 when not throttled). */
  regainMinutes: number;
}

interface HeaderSource {
  get(name: string): string | null;
}

const DEFAULT_BACKOFF_MINUTES = 15;
/** The app limit is a rolling hour: when it is spent and no better estimate exists, wait it out. */
const APP_WINDOW_MINUTES = 60;

export function readUsage(headers: HeaderSource): GraphUsage {
  const app = percentages(parseJsonHeader(headers.get('x-app-usage')));
  const page = percentages(parseJsonHeader(headers.get('x-page-usage')));
  const buc = parseJsonHeader(headers.get('x-business-use-case-usage'));
  const bucPercents: number[] = [];
  let regainMinutes = 0;
  // The BUC header is keyed by business object id, each with a list of per-type usages.
  if (buc && typeof buc === 'object') {
    for (const entries of Object.values(buc as Record<string, unknown>)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries as unknown[]) {
        bucPercents.push(...percentages(entry));
        const regain = numberField(entry, 'estimated_time_to_regain_access');
        if (regain !== undefined) regainMinutes = Math.max(regainMinutes, regain);
      }
    }
  }
  const all = [...app, ...page, ...bucPercents];
  return {
    maxPercent: all.length ? Math.max(...all) : null,
    appPercent: app.length ? Math.max(...app) : null,
    regainMinutes,
  };
}

/** Usage as the app shows it: a budget of 100 (percent) of which `remaining` is left. */
export function usageSnapshot(usage: GraphUsage, now: Date): RateLimitSnapshot | null {
  if (usage.maxPercent === null && usage.regainMinutes === 0) return null;
  return {
    limit: 100,
    remaining: Math.max(0, 100 - (usage.maxPercent ?? 0)),
    resetAt: usage.regainMinutes > 0 ? new Date(now.getTime() + usage.regainMinutes * 60_000).toISOString() : null,
  };
}

/** When to call again after a throttle error: Meta's own estimate first, since every early call extends the block. */
export function throttleResumeAt(usage: GraphUsage, now: Date): Date {
  let minutes = DEFAULT_BACKOFF_MINUTES;
  if (usage.regainMinutes > 0) minutes = usage.regainMinutes;
  else if (usage.appPercent !== null && usage.appPercent >= 100) minutes = APP_WINDOW_MINUTES;
  return new Date(now.getTime() + minutes * 60_000);
}

/** A malformed usage header is ignored: it must not fail an otherwise good response. */
function parseJsonHeader(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function percentages(value: unknown): number[] {
  return ['call_count', 'total_time', 'total_cputime']
    .map((key) => numberField(value, key))
    .filter((n): n is number => n !== undefined);
}

function numberField(value: unknown, key: string): number | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const n = (value as Record<string, unknown>)[key];
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}
