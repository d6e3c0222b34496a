import { ago, fixtureMention, T0 } from './mention-fixture';
import { volumeByPlatform } from './platform-volume';

describe('volumeByPlatform', () => {
  it('counts mentions per platform in aligned buckets, oldest first, over the range only', () => {
    const now = T0 + 10 * 60_000; // 12:10, inside the 12:00 hourly bucket
    const mentions = [
      fixtureMention({ id: 'future', postedAt: new Date(T0 + 3_600_000).toISOString(), platform: 'x' }),
      fixtureMention({ id: 'a', postedAt: ago(-5), platform: 'x' }),
      fixtureMention({ id: 'b', postedAt: ago(-1), platform: 'youtube' }),
      fixtureMention({ id: 'c', postedAt: ago(0), platform: 'x' }),
      fixtureMention({ id: 'd', postedAt: ago(30), platform: 'facebook' }),
      fixtureMention({ id: 'e', postedAt: ago(119), platform: 'feed' }),
      fixtureMention({ id: 'too-old', postedAt: ago(121), platform: 'x' }),
    ];
    const buckets = volumeByPlatform(mentions, now, { hours: 3, buckets: 3 });
    expect(buckets.map((b) => new Date(b.start).toISOString())).toEqual([
      '2026-06-01T10:00:00.000Z',
      '2026-06-01T11:00:00.000Z',
      '2026-06-01T12:00:00.000Z',
    ]);
    expect(buckets.map(({ x, facebook, youtube, feed }) => [x, facebook, youtube, feed])).toEqual([
      [0, 0, 0, 1],
      [0, 1, 0, 0],
      [2, 0, 1, 0],
    ]);
  });

  it('returns empty buckets for an empty store', () => {
    const buckets = volumeByPlatform([], T0, { hours: 6, buckets: 24 });
    expect(buckets).toHaveLength(24);
    expect(buckets.every((b) => b.x + b.facebook + b.youtube + b.feed === 0)).toBe(true);
  });
});
