/** What the simulated Google Cloud project may spend per Pacific day. */
export interface QuotaLimits {
  dailyUnits: number;
  searchCallsPerDay: number;
}

export type QuotaBucket = 'units' | 'search';

const pacificDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The project's daily quota as YouTube counts it: a unit pool plus search.list's own bucket,
 * both reset at midnight Pacific. Refused requests are still charged, as the docs warn.
 */
export class YouTubeQuotaCounter {
  private day = '';
  private used = 0;
  private searchCalls = 0;

  constructor(
    private limits: QuotaLimits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Charges one call; false when it does not fit (the caller answers 403 quotaExceeded). */
  charge(bucket: QuotaBucket, units: number): boolean {
    this.roll();
    if (bucket === 'search') {
      if (this.searchCalls >= this.limits.searchCallsPerDay) return false;
      this.searchCalls += 1;
      return true;
    }
    if (this.used + units > this.limits.dailyUnits) return false;
    this.used += units;
    return true;
  }

  /** Lets a test or demo start the day nearly spent, or change the allocation. */
  set(change: Partial<QuotaLimits> & { used?: number; searchCalls?: number }): void {
    this.roll();
    this.limits = {
      dailyUnits: change.dailyUnits ?? this.limits.dailyUnits,
      searchCallsPerDay: change.searchCallsPerDay ?? this.limits.searchCallsPerDay,
    };
    if (change.used !== undefined) this.used = change.used;
    if (change.searchCalls !== undefined) this.searchCalls = change.searchCalls;
  }

  state(): QuotaLimits & { day: string; used: number; searchCalls: number } {
    this.roll();
    return { ...this.limits, day: this.day, used: this.used, searchCalls: this.searchCalls };
  }

  reset(): void {
    this.day = '';
    this.roll();
  }

  private roll(): void {
    const day = pacificDayFormat.format(this.now());
    if (day === this.day) return;
    this.day = day;
    this.used = 0;
    this.searchCalls = 0;
  }
}
