import { ConnectorAuthError, RateLimitedError } from '../shared/connector-errors';
import { classifyGraphError, GraphApiError } from './facebook-errors';
import { readUsage, throttleResumeAt, usageSnapshot, type GraphUsage } from './facebook-usage';

const NOW = new Date('2025-03-01T12:00:00Z');
const headers = (values: Record<string, string>) => new Headers(values);
const NO_USAGE: GraphUsage = { maxPercent: null, appPercent: null, regainMinutes: 0 };

describe('readUsage', () => {
  it('takes the highest percentage and the longest regain estimate across headers and business ids', () => {
    const usage = readUsage(
      headers({
        'x-app-usage': JSON.stringify({ call_count: 28, total_time: 25, total_cputime: 25 }),
        'x-business-use-case-usage': JSON.stringify({
          '111': [
            { type: 'pages', call_count: 97, total_cputime: 23, total_time: 23, estimated_time_to_regain_access: 0 },
          ],
          '222': [
            { type: 'pages', call_count: 12, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 7 },
          ],
        }),
      }),
    );
    expect(usage).toEqual({ maxPercent: 97, appPercent: 28, regainMinutes: 7 });
    expect(usageSnapshot(usage, NOW)).toEqual({ limit: 100, remaining: 3, resetAt: '2025-03-01T12:07:00.000Z' });
  });

  it('reads the legacy X-Page-Usage and ignores malformed headers', () => {
    const usage = readUsage(
      headers({ 'x-page-usage': '{"call_count":40}', 'x-app-usage': '{not json', 'x-business-use-case-usage': '[]' }),
    );
    expect(usage).toEqual({ maxPercent: 40, appPercent: null, regainMinutes: 0 });
  });

  it('reports no snapshot without usage headers', () => {
    expect(usageSnapshot(readUsage(headers({})), NOW)).toBeNull();
  });
});

describe('throttleResumeAt', () => {
  it("prefers Meta's estimate, then a spent app hour, then the default 15 minutes", () => {
    expect(throttleResumeAt({ ...NO_USAGE, regainMinutes: 3 }, NOW).toISOString()).toBe('2025-03-01T12:03:00.000Z');
    expect(throttleResumeAt({ ...NO_USAGE, appPercent: 100, maxPercent: 100 }, NOW).toISOString()).toBe(
      '2025-03-01T13:00:00.000Z',
    );
    expect(throttleResumeAt(NO_USAGE, NOW).toISOString()).toBe('2025-03-01T12:15:00.000Z');
  });
});

describe('classifyGraphError', () => {
  const error = (code: number, extra: Record<string, unknown> = {}) => ({ message: `(#${code}) boom`, code, ...extra });

  it.each([4, 17, 32, 613, 80001])('code %i is a rate limit', (code) => {
    const classified = classifyGraphError(error(code), { ...NO_USAGE, regainMinutes: 2 }, NOW);
    expect(classified).toBeInstanceOf(RateLimitedError);
    expect((classified as RateLimitedError).resumeAt.toISOString()).toBe('2025-03-01T12:02:00.000Z');
  });

  it('code 190 is an auth error naming the subcode reason', () => {
    const classified = classifyGraphError(error(190, { error_subcode: 460 }), NO_USAGE, NOW);
    expect(classified).toBeInstanceOf(ConnectorAuthError);
    expect(classified.message).toContain('Page access token expired or invalid (the password changed)');
  });

  it('a missing permission needs a human too', () => {
    expect(classifyGraphError(error(10), NO_USAGE, NOW)).toBeInstanceOf(ConnectorAuthError);
    expect(classifyGraphError(error(200), NO_USAGE, NOW)).toBeInstanceOf(ConnectorAuthError);
  });

  it.each([
    [1, {}, true],
    [2, {}, true],
    [100, {}, false],
    [100, { is_transient: true }, true],
  ])('code %i %p is a GraphApiError, retryable: %p', (code, extra, retryable) => {
    const classified = classifyGraphError(error(code, extra), NO_USAGE, NOW);
    expect(classified).toBeInstanceOf(GraphApiError);
    expect(classified).toMatchObject({ code, retryable });
  });
});
