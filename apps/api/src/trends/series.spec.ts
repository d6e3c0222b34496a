import { pivot } from './series';

const t = (h: number) => new Date(Date.UTC(2026, 2, 10, h));

describe('pivot', () => {
  it('fills every bucket and key with zeros and totals each bucket', () => {
    const rows = pivot(
      [t(1), t(2), t(3)],
      [
        { bucket: t(1), key: 'negative', n: 2 },
        { bucket: t(1), key: 'positive', n: 1 },
        { bucket: t(3), key: 'neutral', n: 4 },
        { bucket: t(9), key: 'neutral', n: 99 },
      ],
      ['negative', 'neutral', 'positive'] as const,
    );
    expect(rows).toEqual([
      { bucket: t(1).toISOString(), negative: 2, neutral: 0, positive: 1, total: 3 },
      { bucket: t(2).toISOString(), negative: 0, neutral: 0, positive: 0, total: 0 },
      { bucket: t(3).toISOString(), negative: 0, neutral: 4, positive: 0, total: 4 },
    ]);
  });
});
