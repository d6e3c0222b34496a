import { DEFAULT_EARLY_WARNING } from '@lp/domain';
import { detectSpike, hasHistory, judgeMinute, median, robustScale } from './spike-detector';

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

describe('judgeMinute and hasHistory (per product and symptom, by posting time)', () => {
  const MIN = 60_000;
  const t0 = Date.UTC(2026, 0, 1, 12, 0);
  const defaults = { zThreshold: DEFAULT_EARLY_WARNING.zThreshold, minCount: DEFAULT_EARLY_WARNING.minCount };

  it('scores a minute against the minutes before it, zeros filled', () => {
    const counts = new Map<number, number>([
      [t0 - 30 * MIN, 1],
      [t0 - 3 * MIN, 2],
      [t0, 40],
    ]);
    const result = judgeMinute(counts, t0, 60, defaults);
    expect(result).toMatchObject({ spike: true, value: 40, baseline: 0 });
    expect(judgeMinute(counts, t0 - 3 * MIN, 60, defaults).spike).toBe(false);
  });

  it('raises no alarm at the default settings on seeded Poisson keys of up to 3 a minute over simulated days', () => {
    let alarms = 0;
    for (const lambda of [0.2, 0.5, 1, 2, 3]) {
      for (let seed = 1; seed <= 4; seed++) {
        const series = poissonSeries(lambda, 1_440, seed * 31 + lambda * 10);
        const counts = new Map(series.map((n, i) => [t0 + i * MIN, n]));
        for (let i = 60; i < series.length; i++) {
          if (judgeMinute(counts, t0 + i * MIN, 60, defaults).spike) alarms++;
        }
      }
    }
    expect(alarms).toBe(0);
  });

  it('needs mentions posted at least minHistoryMinutes before the minute', () => {
    expect(hasHistory(null, t0, 30)).toBe(false);
    expect(hasHistory(t0 - 29 * MIN, t0, 30)).toBe(false);
    expect(hasHistory(t0 - 30 * MIN, t0, 30)).toBe(true);
  });
});
