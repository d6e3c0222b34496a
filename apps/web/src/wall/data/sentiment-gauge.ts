import type { MentionView } from '@lp/domain';

export interface SentimentWindow {
  count: number;
  /** Mean sentiment score, -1 to 1; null without mentions. */
  mean: number | null;
  /** Share of negative mentions, 0 to 1; null without mentions. */
  negativeShare: number | null;
}

export interface SentimentGauge {
  recent: SentimentWindow;
  /** The usual level: the hours before the recent window, as far as the store holds them. */
  usual: SentimentWindow;
  /** How the recent mean compares with the usual one; 'unknown' while either is too thin to say. */
  trend: 'worse' | 'better' | 'steady' | 'unknown';
}

export interface SentimentGaugeOptions {
  windowMs: number;
  baselineMs: number;
  /** Fewer mentions than this in a window say nothing about a trend. */
  minCount?: number;
  /** A change of the mean smaller than this is "steady". */
  threshold?: number;
}

class Accumulator {
  count = 0;
  sum = 0;
  negative = 0;
  add(m: MentionView): void {
    this.count++;
    this.sum += m.sentimentScore;
    if (m.sentiment === 'negative') this.negative++;
  }
  result(): SentimentWindow {
    return this.count === 0
      ? { count: 0, mean: null, negativeShare: null }
      : { count: this.count, mean: this.sum / this.count, negativeShare: this.negative / this.count };
  }
}

/**
 * Sentiment of the last `windowMs` against the `baselineMs` before it. The store is sorted newest
 * posted first, so the scan stops at the baseline's start instead of walking all 100,000 mentions,
 * and compares ISO strings instead of parsing dates.
 */
export function sentimentGauge(
  mentions: readonly MentionView[],
  now: number,
  options: SentimentGaugeOptions,
): SentimentGauge {
  const { windowMs, baselineMs, minCount = 5, threshold = 0.1 } = options;
  const nowIso = new Date(now).toISOString();
  const windowStart = new Date(now - windowMs).toISOString();
  const baselineStart = new Date(now - windowMs - baselineMs).toISOString();
  const recent = new Accumulator();
  const usual = new Accumulator();
  for (const m of mentions) {
    if (m.postedAt < baselineStart) break;
    if (m.postedAt > nowIso) continue;
    (m.postedAt >= windowStart ? recent : usual).add(m);
  }
  const r = recent.result();
  const u = usual.result();
  let trend: SentimentGauge['trend'] = 'unknown';
  if (r.count >= minCount && u.count >= minCount && r.mean !== null && u.mean !== null) {
    const delta = r.mean - u.mean;
    trend = delta <= -threshold ? 'worse' : delta >= threshold ? 'better' : 'steady';
  }
  return { recent: r, usual: u, trend };
}
