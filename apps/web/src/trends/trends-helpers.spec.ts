import { bucketLabel, formatDuration, formatPercent } from './chart-format';
import { rangeQuery, resolveChoice } from './time-range';

describe('trends page helpers', () => {
  const now = new Date('2026-03-10T10:37:00Z');

  it('turns a preset into a range ending now', () => {
    const range = resolveChoice({ preset: '7d' }, now);
    expect('error' in range ? range.error : range.from.toISOString()).toBe('2026-03-03T10:37:00.000Z');
  });

  it('refuses a custom range that is unreadable or backwards', () => {
    expect(resolveChoice({ preset: 'custom', from: '', to: '2026-03-10T10:00' }, now)).toEqual({
      error: 'Enter both dates.',
    });
    expect(resolveChoice({ preset: 'custom', from: '2026-03-10T10:00', to: '2026-03-09T10:00' }, now)).toEqual({
      error: 'The start must be before the end.',
    });
  });

  it('builds the query string with ISO times', () => {
    expect(rangeQuery({ from: now, to: now }, { format: 'csv' })).toBe(
      'from=2026-03-10T10%3A37%3A00.000Z&to=2026-03-10T10%3A37%3A00.000Z&format=csv',
    );
  });

  it('labels buckets and durations for people', () => {
    expect(bucketLabel('2026-03-10T10:37:00.000Z', 'minute')).toBe('10:37');
    expect(bucketLabel('2026-03-10T00:00:00.000Z', 'hour')).toBe('03-10');
    expect(bucketLabel('2026-03-10T00:00:00.000Z', 'day')).toBe('03-10');
    expect([formatDuration(null), formatDuration(30), formatDuration(720), formatDuration(12_600)]).toEqual([
      '–',
      '30 s',
      '12 min',
      '3.5 h',
    ]);
    expect(formatPercent(0.1234)).toBe('12.3%');
  });
});
