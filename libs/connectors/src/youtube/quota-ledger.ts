import type { QuotaSnapshot } from '../shared/source-connector';
import { nextPacificMidnight, pacificDay } from './pacific-day';

/** Units per call (docs/platform-apis.md §3.5). */
export const QUOTA_COSTS = {
  commentThreadsList: 1,
  commentsInsert: 50,
} as const;

/** What the connector has spent today; JSON-safe so it rides in the source's cursor and survives restarts. */
export interface QuotaState {
  /** Pacific calendar day the counters belong to, `YYYY-MM-DD`. */
  day: string;
  used: number;
  searchCalls: number;
}

export interface QuotaPolicy {
  dailyUnits: number;
  searchCallsPerDay: number;
  /**
   * 0: search.list draws on its own bucket of `searchCallsPerDay` calls (the current doc).
   * Above 0: each search costs this many units from the daily pool (older copies of the doc say 100).
   */
  searchCostUnits: number;
  /** Units polling leaves untouched so replies still go out late in the day. */
  reserveUnits: number;
}

export const DEFAULT_QUOTA_POLICY: QuotaPolicy = {
  dailyUnits: 10_000,
  searchCallsPerDay: 100,
  searchCostUnits: 0,
  reserveUnits: 500,
};

/**
 * Tracks the daily YouTube budget on our side: the API only says "quotaExceeded" once it is too late,
 * and an exhausted project cannot reply until Pacific midnight.
 */
export class QuotaLedger {
  private current: QuotaState;

  constructor(
    private readonly policy: QuotaPolicy,
    saved: QuotaState | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    const today = pacificDay(this.now());
    this.current = saved && saved.day === today ? { ...saved } : { day: today, used: 0, searchCalls: 0 };
  }

  /** Whether `units` fit; polling keeps out of the reserve, replies (`useReserve`) may spend it. */
  canSpend(units: number, options: { useReserve?: boolean } = {}): boolean {
    const ceiling = this.policy.dailyUnits - (options.useReserve ? 0 : this.policy.reserveUnits);
    return this.today().used + units <= ceiling;
  }

  spend(units: number): void {
    this.today().used += units;
  }

  /** YouTube said the day is spent, whatever our own count says. */
  exhaust(): void {
    const state = this.today();
    state.used = Math.max(state.used, this.policy.dailyUnits);
    state.searchCalls = Math.max(state.searchCalls, this.policy.searchCallsPerDay);
  }

  canSearch(): boolean {
    if (this.policy.searchCostUnits > 0) return this.canSpend(this.policy.searchCostUnits);
    return this.today().searchCalls < this.policy.searchCallsPerDay;
  }

  spendSearch(): void {
    const state = this.today();
    state.searchCalls += 1;
    state.used += this.policy.searchCostUnits;
  }

  /** When the budget refills. */
  resetAt(): Date {
    return nextPacificMidnight(this.now());
  }

  state(): QuotaState {
    return { ...this.today() };
  }

  snapshot(): QuotaSnapshot {
    return { used: this.today().used, limit: this.policy.dailyUnits, resetAt: this.resetAt().toISOString() };
  }

  /** Counters roll over at Pacific midnight even within one long-lived ledger. */
  private today(): QuotaState {
    const day = pacificDay(this.now());
    if (this.current.day !== day) this.current = { day, used: 0, searchCalls: 0 };
    return this.current;
  }
}

/** Two views of the same day's spending (the saved cursor and this process's memory): the larger counts win. */
export function mergeQuotaStates(a: QuotaState | undefined, b: QuotaState | undefined): QuotaState | undefined {
  if (!a || !b) return a ?? b;
  if (a.day !== b.day) return a.day > b.day ? a : b;
  return { day: a.day, used: Math.max(a.used, b.used), searchCalls: Math.max(a.searchCalls, b.searchCalls) };
}
