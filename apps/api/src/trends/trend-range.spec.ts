import { resolveRange } from './trend-range';

const now = new Date('2026-03-10T10:37:12Z');
const iso = (d: Date) => d.toISOString();

describe('trends range', () => {
  it('defaults to the last 24 hours, hourly, widened to whole hours', () => {
    const range = resolveRange({}, now);
    if ('errors' in range) throw new Error('unexpected errors');
    expect([iso(range.from), iso(range.to), range.bucket]).toEqual([
      '2026-03-09T10:00:00.000Z',
      '2026-03-10T11:00:00.000Z',
      'hour',
    ]);
    expect([iso(range.previous.from), iso(range.previous.to)]).toEqual([
      '2026-03-08T09:00:00.000Z',
      '2026-03-09T10:00:00.000Z',
    ]);
  });

  it('takes an explicit bucket within the points cap', () => {
    const range = resolveRange({ from: new Date('2026-03-01T00:00:00Z'), to: now, bucket: 'hour' }, now);
    expect('errors' in range ? range.errors : range.bucket).toBe('hour');
  });

  it.each([
    [{ from: now, to: now }, 'from', /before/],
    [{ from: new Date('2026-03-11T00:00:00Z'), to: now }, 'from', /before/],
    [{ from: new Date('2024-01-01T00:00:00Z'), to: now }, 'from', /at most 366 days/],
    [{ from: new Date('2026-02-01T00:00:00Z'), to: now, bucket: 'minute' as const }, 'bucket', /at most 1500/],
  ])('refuses %j, naming %s', (query, field, message) => {
    const range = resolveRange(query, now);
    if (!('errors' in range)) throw new Error('expected errors');
    expect(range.errors).toEqual([{ field, messages: [expect.stringMatching(message)] }]);
  });
});
