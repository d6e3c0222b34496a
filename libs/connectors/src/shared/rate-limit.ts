/** Rate-limit state as a connector reports it after each call. */
export interface RateLimitSnapshot {
  limit: number | null;
  remaining: number | null;
  /** ISO time the window resets. */
  resetAt: string | null;
}
