import { RateLimitedError, type RateLimitSnapshot } from '@lp/connectors';
import { nextPollAfterFailure, nextPollAfterSuccess } from './poll-schedule';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const INTERVAL = 5_000;
const FIVE_MINUTES = 5 * 60_000;

function snapshot(remaining: number | null, resetAt: number | null): RateLimitSnapshot {
  return { limit: 450, remaining, resetAt: resetAt === null ? null : new Date(resetAt).toISOString() };
}

describe('nextPollAfterSuccess', () => {
  it('waits the interval when nothing is pending', () => {
    expect(nextPollAfterSuccess(NOW, INTERVAL, null, false).getTime()).toBe(NOW + INTERVAL);
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(100, NOW + 60_000), false).getTime()).toBe(NOW + INTERVAL);
  });

  it('polls straight away when pages are pending and quota remains', () => {
    expect(nextPollAfterSuccess(NOW, INTERVAL, null, true).getTime()).toBe(NOW);
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(3, NOW + 60_000), true).getTime()).toBe(NOW);
  });

  it('waits for the reset when the window is spent, even with pages pending', () => {
    const reset = NOW + 7 * 60_000;
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(0, reset), true).getTime()).toBe(reset);
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(0, reset), false).getTime()).toBe(reset);
  });

  it('never polls sooner than the interval when the window is spent', () => {
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(0, NOW + 1_000), false).getTime()).toBe(NOW + INTERVAL);
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(0, NOW - 60_000), true).getTime()).toBe(NOW + INTERVAL);
  });

  it('falls back to the interval when the reset time is unknown', () => {
    expect(nextPollAfterSuccess(NOW, INTERVAL, snapshot(0, null), false).getTime()).toBe(NOW + INTERVAL);
  });
});

describe('nextPollAfterFailure', () => {
  afterEach(() => jest.restoreAllMocks());

  it('resumes at the platform reset for a RateLimitedError', () => {
    const resumeAt = new Date(NOW + 90_000);
    const error = new RateLimitedError('429', resumeAt);
    expect(nextPollAfterFailure(NOW, INTERVAL, 0, error).getTime()).toBe(resumeAt.getTime());
    // The failure count does not matter: the platform said when.
    expect(nextPollAfterFailure(NOW, INTERVAL, 9, error).getTime()).toBe(resumeAt.getTime());
  });

  it('waits at least a second when the rate-limit reset is already past', () => {
    const error = new RateLimitedError('429', new Date(NOW - 60_000));
    expect(nextPollAfterFailure(NOW, INTERVAL, 0, error).getTime()).toBe(NOW + 1_000);
  });

  it('backs off exponentially with the number of failures', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const delays = [0, 1, 2, 3, 4].map((n) => nextPollAfterFailure(NOW, 1_000, n, new Error('boom')).getTime() - NOW);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('treats intervals under a second as one second', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(nextPollAfterFailure(NOW, 10, 0, new Error('boom')).getTime()).toBe(NOW + 1_000);
    expect(nextPollAfterFailure(NOW, 10, 2, new Error('boom')).getTime()).toBe(NOW + 4_000);
  });

  it('adds jitter of up to 20%', () => {
    const random = jest.spyOn(Math, 'random');
    random.mockReturnValue(0.5);
    expect(nextPollAfterFailure(NOW, 1_000, 1, new Error('boom')).getTime()).toBe(NOW + 2_200);
    random.mockReturnValue(0.999999);
    const delay = nextPollAfterFailure(NOW, 1_000, 1, new Error('boom')).getTime() - NOW;
    // Date keeps whole milliseconds: just under 2,000 + 20%.
    expect(delay).toBeGreaterThanOrEqual(2_399);
    expect(delay).toBeLessThanOrEqual(2_400);
  });

  it('caps the backoff at 5 minutes plus at most 20% jitter', () => {
    const random = jest.spyOn(Math, 'random');
    random.mockReturnValue(0);
    expect(nextPollAfterFailure(NOW, INTERVAL, 50, new Error('boom')).getTime()).toBe(NOW + FIVE_MINUTES);
    expect(nextPollAfterFailure(NOW, 60 * 60_000, 0, new Error('boom')).getTime()).toBe(NOW + FIVE_MINUTES);
    random.mockReturnValue(0.999999);
    expect(nextPollAfterFailure(NOW, INTERVAL, 1_000, new Error('boom')).getTime()).toBeLessThan(
      NOW + FIVE_MINUTES * 1.2,
    );
  });

  it('stays within [base, base * 1.2] with real randomness', () => {
    for (let failures = 0; failures < 30; failures++) {
      const delay = nextPollAfterFailure(NOW, INTERVAL, failures, 'not even an Error').getTime() - NOW;
      const base = Math.min(FIVE_MINUTES, INTERVAL * 2 ** Math.min(failures, 10));
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThanOrEqual(base * 1.2);
    }
  });
});
