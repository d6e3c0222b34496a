import type { RisingTerm } from '@lp/domain';

export interface TermCount {
  term: string;
  mentions: number;
}

export interface Stratum {
  from: Date;
  to: Date;
  mentions: number;
}

/**
 * Groups a range's buckets (oldest first, each with its mention count from the aggregates) into at most
 * `maxStrata` consecutive slices. The term sample reads a fixed number of mentions per slice, so the
 * slices bound the work; their totals weight each slice's sample by the volume it really had.
 */
export function buildStrata(
  buckets: ReadonlyArray<{ start: Date; mentions: number }>,
  bucketMs: number,
  maxStrata: number,
): Stratum[] {
  if (buckets.length === 0) return [];
  const per = Math.ceil(buckets.length / Math.max(1, maxStrata));
  const strata: Stratum[] = [];
  for (let i = 0; i < buckets.length; i += per) {
    const group = buckets.slice(i, i + per);
    strata.push({
      from: group[0]!.start,
      to: new Date(group[group.length - 1]!.start.getTime() + bucketMs),
      mentions: group.reduce((sum, b) => sum + b.mentions, 0),
    });
  }
  return strata;
}

export interface RisingOptions {
  /** A term needs at least this many estimated mentions now: one angry post is not a trend. */
  minMentions: number;
  limit: number;
}

/**
 * Ranks terms by how much more often they appear now than the previous range of equal length led to
 * expect. `expected` is the previous count scaled by the change in total volume, so a term that merely
 * kept pace with a busier day does not rise. The ratio is smoothed by `minMentions` on each side, so a
 * term absent before scores a finite ratio, and a frequent riser outranks a rare newcomer (40 from 4
 * beats 9 from nothing). Ties go to the more frequent, then alphabetical, so the list is stable.
 */
export function scoreRisingTerms(
  current: readonly TermCount[],
  currentTotal: number,
  previous: ReadonlyMap<string, number>,
  previousTotal: number,
  options: RisingOptions,
): RisingTerm[] {
  // With nothing before, every term is "new": compare against no change rather than against zero volume.
  const scale = previousTotal > 0 ? currentTotal / previousTotal : 1;
  return current
    .filter((t) => t.mentions >= options.minMentions)
    .map((t) => {
      const expected = (previous.get(t.term) ?? 0) * scale;
      const k = Math.max(1, options.minMentions);
      return {
        term: t.term,
        mentions: t.mentions,
        expected: round2(expected),
        ratio: round2((t.mentions + k) / (expected + k)),
      };
    })
    .filter((t) => t.ratio > 1)
    .sort((a, b) => b.ratio - a.ratio || b.mentions - a.mentions || a.term.localeCompare(b.term))
    .slice(0, options.limit);
}

const round2 = (n: number) => Math.round(n * 100) / 100;
