/**
 * Spike detection against a series' own usual level. Pure: no I/O, no clock, so it is tested on
 * generated series with known bursts.
 *
 * The score is a robust z-score: (value - median) / scale, where scale is 1.4826·MAD (the MAD's
 * normal-consistent form) but never below √median (a Poisson count's own noise) nor 1. The floors
 * matter on quiet series: a baseline of all zeros or all fives has MAD 0, and without them a single
 * extra mention would be an infinite z.
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
  const z = (value - baseline) / scale;
  return { spike: value >= options.minCount && z >= options.zThreshold, value, baseline, scale, z };
}

export interface TermBurstOptions {
  /** Fewest recent documents carrying the phrase. */
  minCount: number;
  /** How many times its baseline rate the phrase must reach. */
  ratio: number;
  /** At most this many phrases are reported, strongest first. */
  limit: number;
}

export interface BurstingTerm {
  term: string;
  recent: number;
  /** Expected count in the recent span at the baseline rate (with add-one smoothing). */
  expected: number;
  ratio: number;
}

const STOP = new Set(
  'a an and are at be but by for from has have i if in is it its me my of on or so that the this to was we with you your'.split(
    ' ',
  ),
);

/**
 * The distinct word bigrams of a text: lower-cased, handles, links and numbers left out, and
 * bigrams of two stop words skipped (they burst with any volume). Counted once per document, so
 * one long post cannot make a phrase burst.
 */
export function bigrams(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#]\w+/g, ' ')
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (STOP.has(a) && STOP.has(b)) continue;
    out.add(`${a} ${b}`);
  }
  return out;
}

function documentFrequencies(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const gram of bigrams(text)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/**
 * Phrases far above their baseline rate. The work is bounded by the caller's sample sizes: one
 * pass over each sample. `recentSpanS`/`baselineSpanS` turn counts into rates, so a baseline read
 * over an hour compares fairly with two minutes of recent mentions.
 */
export function burstingTerms(
  recent: readonly string[],
  baseline: readonly string[],
  recentSpanS: number,
  baselineSpanS: number,
  options: TermBurstOptions,
): BurstingTerm[] {
  const now = documentFrequencies(recent);
  const before = documentFrequencies(baseline);
  const spanRatio = recentSpanS / Math.max(baselineSpanS, 1);
  const out: BurstingTerm[] = [];
  for (const [term, count] of now) {
    if (count < options.minCount) continue;
    const expected = ((before.get(term) ?? 0) + 1) * spanRatio;
    const ratio = count / Math.max(expected, 1);
    if (ratio >= options.ratio) out.push({ term, recent: count, expected, ratio });
  }
  return out.sort((a, b) => b.recent - a.recent || a.term.localeCompare(b.term)).slice(0, options.limit);
}
