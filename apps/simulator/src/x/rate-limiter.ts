export interface WindowState {
  limit: number;
  remaining: number;
  /** Unix seconds, as x-rate-limit-reset carries it. */
  reset: number;
}

/** X's fixed 15-minute windows, counted per token. */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Counts one call; `allowed` is false when the window was already spent. */
  hit(key: string, now = Date.now()): WindowState & { allowed: boolean } {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.used < this.limit;
    if (allowed) w.used += 1;
    return {
      allowed,
      limit: this.limit,
      remaining: this.limit - w.used,
      reset: Math.ceil((w.start + this.windowMs) / 1000),
    };
  }

  /** Spends the rest of the window, for the `rate-limit` fault. */
  exhaust(key: string, now = Date.now()): void {
    this.hit(key, now);
    const w = this.windows.get(key);
    if (w) w.used = this.limit;
  }

  reset(): void {
    this.windows.clear();
  }
}
