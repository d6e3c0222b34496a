import { DEFAULT_EARLY_WARNING } from '@lp/domain';
import { bigrams, burstingTerms, detectSpike, median, robustScale } from './spike-detector';

/** A seeded generator, so the generated series are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Poisson counts with mean `lambda` (Knuth), one per minute. */
function poissonSeries(lambda: number, length: number, seed: number): number[] {
  const random = rng(seed);
  return Array.from({ length }, () => {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= random();
    } while (p > limit);
    return k - 1;
  });
}

const options = { zThreshold: DEFAULT_EARLY_WARNING.zThreshold, minCount: 20 };

describe('detectSpike', () => {
  it('finds a known burst in a generated series', () => {
    const series = poissonSeries(30, 60, 7);
    const burst = 30 * 4;
    const result = detectSpike(series, burst, options);
    expect(result.spike).toBe(true);
    expect(result.baseline).toBeGreaterThan(20);
    expect(result.z).toBeGreaterThan(options.zThreshold);
  });

  it('raises no alarm on quiet series: every minute of 20 seeded Poisson series scored against the hour before', () => {
    let alarms = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const series = poissonSeries(25, 180, seed);
      for (let t = 60; t < series.length; t++) {
        if (detectSpike(series.slice(t - 60, t), series[t]!, options).spike) alarms++;
      }
    }
    expect(alarms).toBe(0);
  });

  it('does not fire on a flat series for one extra mention (MAD 0 is floored)', () => {
    expect(detectSpike(Array(60).fill(5), 6, { zThreshold: 4, minCount: 1 }).spike).toBe(false);
    expect(detectSpike(Array(60).fill(0), 1, { zThreshold: 4, minCount: 1 }).spike).toBe(false);
  });

  it('needs the minimum count even against an empty baseline', () => {
    expect(detectSpike(Array(60).fill(0), 19, options).spike).toBe(false);
    expect(detectSpike(Array(60).fill(0), 20, options).spike).toBe(true);
  });

  it('is not fooled by a few past outliers in the baseline', () => {
    const series = poissonSeries(10, 60, 3);
    series[10] = 400;
    series[40] = 300;
    expect(robustScale(series).baseline).toBeLessThan(15);
    expect(detectSpike(series, 80, options).spike).toBe(true);
  });

  it('takes the median of even and odd samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('burstingTerms', () => {
  const chatter = [
    'just unboxed the new phone today',
    'reading a review on my lunch break',
    'loving the new watch battery',
    'how do I reset my router',
  ];
  const baseline = Array.from({ length: 600 }, (_, i) => chatter[i % chatter.length]!);

  it('finds a phrase far above its baseline rate', () => {
    const recent = [
      ...Array.from({ length: 30 }, (_, i) => `is acme down? cloud sync will not connect ${i}`),
      ...chatter,
    ];
    const terms = burstingTerms(recent, baseline, 120, 3_600, { minCount: 10, ratio: 5, limit: 5 });
    expect(terms.map((t) => t.term)).toContain('not connect');
    expect(terms.every((t) => t.recent >= 10)).toBe(true);
  });

  it('reports nothing when recent talk is the usual talk', () => {
    const recent = Array.from({ length: 40 }, (_, i) => chatter[i % chatter.length]!);
    expect(burstingTerms(recent, baseline, 120, 3_600, { minCount: 10, ratio: 5, limit: 5 })).toEqual([]);
  });

  it('counts a phrase once per post and skips stop-word pairs, handles and links', () => {
    expect([...bigrams('down down down down @acme https://x.co/a of the 42')]).toEqual(['down down', 'down of']);
  });
});
