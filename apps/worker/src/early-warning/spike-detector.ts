/**
 * Spike detection against a series' own usual level. Pure: no I/O, no clock, so it is tested on
 * generated series with known bursts.
 *
 * The score is the smaller of two z-scores. The robust one: (value - median) / scale, where scale
 * is 1.4826·MAD (the MAD's normal-consistent form) but never below √median (a Poisson count's own
 * noise) nor 1; the floors matter on quiet series, where a baseline of all zeros or all fives has
 * MAD 0. And the Anscombe one, 2(√(value+3/8) - √(median+3/8)): counts of a few a minute have a
 * Poisson tail far fatter than a normal one (12 in a minute against a usual 3 is "6σ" by the first
 * score yet happens every few days per key), and the Anscombe transform makes them near-normal.
 */
export interface SpikeOptions {
  zThreshold: number;
  /** Fewest events in the bucket before it can be a spike at all. */
  minCount: number;
}

export interface SpikeResult {
  spike: boolean;
  value: number;
  baseline: number;
  scale: number;
  z: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function robustScale(values: readonly number[]): { baseline: number; scale: number } {
  const baseline = median(values);
  const mad = median(values.map((v) => Math.abs(v - baseline)));
  return { baseline, scale: Math.max(1.4826 * mad, Math.sqrt(baseline), 1) };
}

/** Scores `value` against `history` (the buckets before it, oldest first). */
export function detectSpike(history: readonly number[], value: number, options: SpikeOptions): SpikeResult {
  const { baseline, scale } = robustScale(history);
  const z = Math.min((value - baseline) / scale, 2 * (Math.sqrt(value + 0.375) - Math.sqrt(baseline + 0.375)));
  return { spike: value >= options.minCount && z >= options.zThreshold, value, baseline, scale, z };
}

const MINUTE_MS = 60_000;

/**
 * Scores one posted minute of a key against the `baselineMinutes` before it. `counts` maps a
 * minute's start (epoch ms, UTC) to its mentions; minutes missing from it had none.
 */
export function judgeMinute(
  counts: ReadonlyMap<number, number>,
  minuteMs: number,
  baselineMinutes: number,
  options: SpikeOptions,
): SpikeResult {
  const history: number[] = [];
  for (let i = baselineMinutes; i >= 1; i--) history.push(counts.get(minuteMs - i * MINUTE_MS) ?? 0);
  return detectSpike(history, counts.get(minuteMs) ?? 0, options);
}

/**
 * Whether a posted minute has history to be judged against: the stream (any key) has mentions
 * posted at least `minHistoryMinutes` before it. Without, every count is "far above" an empty
 * baseline, which is how a cold start or a first backfill would open incidents.
 */
export function hasHistory(firstPostedMinuteMs: number | null, minuteMs: number, minHistoryMinutes: number): boolean {
  return firstPostedMinuteMs !== null && firstPostedMinuteMs <= minuteMs - minHistoryMinutes * MINUTE_MS;
}
