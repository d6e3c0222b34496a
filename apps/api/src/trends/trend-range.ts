import {
  alignRange,
  bucketCount,
  chooseBucket,
  MAX_TREND_POINTS,
  MAX_TREND_RANGE_MS,
  type TrendBucket,
} from '@lp/domain';
import type { FieldError } from '../validation.pipe';

const DEFAULT_SPAN_MS = 24 * 3_600_000;

export interface ResolvedRange {
  /** Aligned to whole buckets: what the answer covers. */
  from: Date;
  to: Date;
  bucket: TrendBucket;
  /** The previous range of equal length, for comparisons (rising terms). */
  previous: { from: Date; to: Date };
}

/**
 * Defaults, checks and aligns a trends range. Returns the field errors instead of throwing, so the
 * rules are testable without Nest and the controller answers them in the validation pipe's shape.
 */
export function resolveRange(
  query: { from?: Date; to?: Date; bucket?: TrendBucket },
  now: Date,
): ResolvedRange | { errors: FieldError[] } {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - DEFAULT_SPAN_MS);
  const errors: FieldError[] = [];
  const span = to.getTime() - from.getTime();
  if (span <= 0) errors.push({ field: 'from', messages: ['from must be before to'] });
  else if (span > MAX_TREND_RANGE_MS) {
    errors.push({ field: 'from', messages: [`the range may cover at most ${MAX_TREND_RANGE_MS / 86_400_000} days`] });
  }
  if (errors.length) return { errors };
  const bucket = query.bucket ?? chooseBucket(from, to);
  const points = bucketCount(from, to, bucket);
  if (points > MAX_TREND_POINTS) {
    return {
      errors: [
        {
          field: 'bucket',
          messages: [`${bucket} buckets make ${points} points over this range; at most ${MAX_TREND_POINTS}`],
        },
      ],
    };
  }
  const aligned = alignRange(from, to, bucket);
  const length = aligned.to.getTime() - aligned.from.getTime();
  return {
    ...aligned,
    bucket,
    previous: { from: new Date(aligned.from.getTime() - length), to: aligned.from },
  };
}
