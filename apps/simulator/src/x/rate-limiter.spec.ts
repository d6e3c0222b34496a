import { FixedWindowRateLimiter } from './rate-limiter';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0, 250);
const WINDOW = 15 * 60_000;

describe('FixedWindowRateLimiter', () => {
  it('allows `limit` calls per window, counting down remaining', () => {
    const limiter = new FixedWindowRateLimiter(3);
    const results = [0, 1, 2, 3, 4].map((i) => limiter.hit('token', T0 + i * 1_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results.every((r) => r.limit === 3)).toBe(true);
  });

  it('reports reset as the window end in unix seconds, rounded up', () => {
    const limiter = new FixedWindowRateLimiter(5);
    const first = limiter.hit('token', T0);
    const later = limiter.hit('token', T0 + 60_000);
    const expected = Math.ceil((T0 + WINDOW) / 1000);
    expect(first.reset).toBe(expected);
    expect(later.reset).toBe(expected);
  });

  it('counts each key separately', () => {
    const limiter = new FixedWindowRateLimiter(1);
    expect(limiter.hit('a', T0).allowed).toBe(true);
    expect(limiter.hit('a', T0).allowed).toBe(false);
    const b = limiter.hit('b', T0);
    expect(b.allowed).toBe(true);
    expect(b.remaining).toBe(0);
  });

  it('opens a fresh window once the old one has run out', () => {
    const limiter = new FixedWindowRateLimiter(2, 1_000);
    limiter.hit('k', T0);
    limiter.hit('k', T0 + 10);
    expect(limiter.hit('k', T0 + 999).allowed).toBe(false);
    const next = limiter.hit('k', T0 + 1_000);
    expect(next.allowed).toBe(true);
    expect(next.remaining).toBe(1);
    expect(next.reset).toBe(Math.ceil((T0 + 2_000) / 1000));
  });

  it('uses the 15-minute window by default', () => {
    const limiter = new FixedWindowRateLimiter(1);
    limiter.hit('k', T0);
    expect(limiter.hit('k', T0 + WINDOW - 1).allowed).toBe(false);
    expect(limiter.hit('k', T0 + WINDOW).allowed).toBe(true);
  });

  it('exhaust() spends the rest of the current window for that key only', () => {
    const limiter = new FixedWindowRateLimiter(10, 1_000);
    limiter.hit('k', T0);
    limiter.exhaust('k', T0 + 100);
    const blocked = limiter.hit('k', T0 + 200);
    expect(blocked.allowed).toBe(false);
    expect(blocked.remaining).toBe(0);
    expect(blocked.reset).toBe(Math.ceil((T0 + 1_000) / 1000));
    expect(limiter.hit('other', T0 + 200).allowed).toBe(true);
    expect(limiter.hit('k', T0 + 1_000).allowed).toBe(true);
  });

  it('exhaust() on an unseen key blocks it for a full window', () => {
    const limiter = new FixedWindowRateLimiter(10, 1_000);
    limiter.exhaust('new', T0);
    expect(limiter.hit('new', T0 + 999).allowed).toBe(false);
    expect(limiter.hit('new', T0 + 1_000).allowed).toBe(true);
  });

  it('reset() forgets every window', () => {
    const limiter = new FixedWindowRateLimiter(1);
    limiter.hit('k', T0);
    expect(limiter.hit('k', T0).allowed).toBe(false);
    limiter.reset();
    const after = limiter.hit('k', T0 + 1);
    expect(after.allowed).toBe(true);
    expect(after.remaining).toBe(0);
  });
});
