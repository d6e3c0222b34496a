import { buildStrata, scoreRisingTerms } from './rising-terms';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 2, 10);

describe('rising terms', () => {
  it('scores terms by growth against the previous range, scaled to the change in volume', () => {
    const current = [
      { term: 'outage', mentions: 40 },
      { term: 'router', mentions: 100 },
      { term: 'firmware', mentions: 9 },
      { term: 'thanks', mentions: 20 },
    ];
    // Twice the volume now: router doubling merely kept pace; thanks fell.
    const previous = new Map([
      ['router', 50],
      ['outage', 2],
      ['thanks', 30],
    ]);
    const rising = scoreRisingTerms(current, 2_000, previous, 1_000, { minMentions: 5, limit: 10 });
    expect(rising.map((t) => t.term)).toEqual(['outage', 'firmware']);
    expect(rising[0]).toEqual({ term: 'outage', mentions: 40, expected: 4, ratio: 5 });
    expect(rising[1]).toEqual({ term: 'firmware', mentions: 9, expected: 0, ratio: 2.8 });
  });

  it('ranks a new frequent term above a new rare one, drops the rare below the minimum, and caps the list', () => {
    const current = [
      { term: 'beta', mentions: 6 },
      { term: 'alpha', mentions: 6 },
      { term: 'gamma', mentions: 30 },
      { term: 'noise', mentions: 2 },
    ];
    const rising = scoreRisingTerms(current, 100, new Map(), 0, { minMentions: 3, limit: 2 });
    expect(rising.map((t) => t.term)).toEqual(['gamma', 'alpha']);
  });

  it('groups buckets into at most the strata asked for, keeping their totals and covering the range', () => {
    const buckets = Array.from({ length: 24 }, (_, i) => ({ start: new Date(start + i * HOUR), mentions: i }));
    const strata = buildStrata(buckets, HOUR, 10);
    expect(strata.length).toBeLessThanOrEqual(10);
    expect(strata[0]!.from.getTime()).toBe(start);
    expect(strata[strata.length - 1]!.to.getTime()).toBe(start + 24 * HOUR);
    expect(strata.reduce((s, x) => s + x.mentions, 0)).toBe((23 * 24) / 2);
    for (let i = 1; i < strata.length; i++) expect(strata[i]!.from).toEqual(strata[i - 1]!.to);
    expect(buildStrata([], HOUR, 10)).toEqual([]);
  });
});
