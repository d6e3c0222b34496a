import { ago, fixtureMention } from './mention-fixture';
import { unclaimedQueue } from './urgent-mentions';

const mostUrgentUnclaimed = (mentions: Parameters<typeof unclaimedQueue>[0], limit: number) =>
  unclaimedQueue(mentions, limit).top;

describe('unclaimedQueue', () => {
  it('keeps the most urgent unclaimed mentions, the longest waiting first among equals', () => {
    const mentions = [
      fixtureMention({ id: 'new-90', postedAt: ago(1), urgency: 90 }),
      fixtureMention({
        id: 'claimed-99',
        postedAt: ago(2),
        urgency: 99,
        status: 'claimed',
        claim: { userId: 'u', name: 'Kim', expiresAt: ago(-5) },
      }),
      fixtureMention({ id: 'replied-95', postedAt: ago(3), urgency: 95, status: 'replied' }),
      fixtureMention({ id: 'old-90', postedAt: ago(4), urgency: 90 }),
      fixtureMention({ id: 'low-10', postedAt: ago(5), urgency: 10 }),
      fixtureMention({ id: 'mid-50', postedAt: ago(6), urgency: 50 }),
    ];
    expect(mostUrgentUnclaimed(mentions, 3).map((m) => m.id)).toEqual(['old-90', 'new-90', 'mid-50']);
    expect(mostUrgentUnclaimed(mentions, 0)).toEqual([]);
    expect(mostUrgentUnclaimed([], 5)).toEqual([]);
  });

  it('matches a full sort on a large store', () => {
    const mentions = Array.from({ length: 5_000 }, (_, i) =>
      fixtureMention({ id: `m${i}`, postedAt: ago(i / 10), urgency: (i * 7919) % 101 }),
    );
    const expected = [...mentions]
      .sort((a, b) => b.urgency - a.urgency || a.postedAt.localeCompare(b.postedAt))
      .slice(0, 8)
      .map((m) => m.id);
    expect(mostUrgentUnclaimed(mentions, 8).map((m) => m.id)).toEqual(expected);
  });

  it('counts critical unclaimed mentions and the oldest of them', () => {
    const queue = unclaimedQueue(
      [
        fixtureMention({ id: 'c-new', postedAt: ago(1), urgencyLevel: 'critical', urgency: 95 }),
        fixtureMention({ id: 'c-old', postedAt: ago(9), urgencyLevel: 'critical', urgency: 91 }),
        fixtureMention({ id: 'c-done', postedAt: ago(20), urgencyLevel: 'critical', status: 'resolved' }),
        fixtureMention({ id: 'low', postedAt: ago(30) }),
      ],
      1,
    );
    expect(queue).toEqual({ top: [expect.objectContaining({ id: 'c-new' })], critical: 2, oldestCriticalAt: ago(9) });
    expect(unclaimedQueue([], 3)).toEqual({ top: [], critical: 0, oldestCriticalAt: null });
  });
});
