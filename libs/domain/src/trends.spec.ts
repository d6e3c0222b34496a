import { alignRange, bucketCount, bucketStarts, chooseBucket, floorToBucket } from './trends';

const at = (iso: string) => new Date(iso);
const hoursAfter = (from: Date, h: number) => new Date(from.getTime() + h * 3_600_000);

describe('trend buckets', () => {
  const from = at('2026-03-10T10:37:12Z');

  it.each([
    [1, 'minute'],
    [6, 'minute'],
    [6.01, 'hour'],
    [24, 'hour'],
    [7 * 24, 'hour'],
    [8 * 24, 'hour'],
    [8 * 24 + 1, 'day'],
    [30 * 24, 'day'],
  ])('chooses a readable bucket for %s hours: %s', (hours, bucket) => {
    expect(chooseBucket(from, hoursAfter(from, hours))).toBe(bucket);
  });

  it('keeps every preset range between 24 and 360 points', () => {
    for (const hours of [1, 24, 7 * 24, 30 * 24]) {
      const to = hoursAfter(from, hours);
      const n = bucketCount(from, to, chooseBucket(from, to));
      expect(n).toBeGreaterThanOrEqual(24);
      expect(n).toBeLessThanOrEqual(361);
    }
  });

  it('floors to UTC buckets and widens a range to whole buckets, to staying exclusive', () => {
    expect(floorToBucket(from, 'minute').toISOString()).toBe('2026-03-10T10:37:00.000Z');
    expect(floorToBucket(from, 'day').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    const aligned = alignRange(from, at('2026-03-10T12:00:00Z'), 'hour');
    expect([aligned.from.toISOString(), aligned.to.toISOString()]).toEqual([
      '2026-03-10T10:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
    ]);
  });

  it('lists every bucket start so empty buckets chart as zero', () => {
    const aligned = alignRange(from, hoursAfter(from, 3), 'hour');
    expect(bucketStarts(aligned.from, aligned.to, 'hour').map((d) => d.toISOString().slice(11, 16))).toEqual([
      '10:00',
      '11:00',
      '12:00',
      '13:00',
    ]);
    expect(bucketCount(from, hoursAfter(from, 3), 'hour')).toBe(4);
  });
});
