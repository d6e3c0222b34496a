import { Injectable } from '@nestjs/common';
import {
  BUCKET_MS,
  bucketStarts,
  PLATFORMS,
  REPLY_STATUSES,
  SENTIMENT_LABELS,
  URGENCY_LEVELS,
  type TrendBucket,
  type TrendName,
  type TrendResponse,
  type TrendRows,
} from '@lp/domain';
import { TrendsRepository, type TrendFilter } from '@lp/persistence';
import { buildStrata, scoreRisingTerms } from './rising-terms';
import { pivot } from './series';
import { STOP_WORDS } from './stop-words';
import type { ResolvedRange } from './trend-range';

/** Slices per range for the term sample, and mentions read per range at most: bounds the work per request. */
const TERM_STRATA = 48;
const TERM_SAMPLE = 4_000;
/** Candidate terms taken from the current range before scoring. */
const TERM_CANDIDATES = 300;
const RISING_LIMIT = 25;
const RISING_MIN_MENTIONS = 3;
const TOPIC_LIMIT = 30;
const AGENT_LIMIT = 200;

type Handler<N extends TrendName> = (range: ResolvedRange, filter: TrendFilter) => Promise<Array<TrendRows[N]>>;
type Handlers = { [N in TrendName]: Handler<N> };

/** The trends screen's numbers: each trend is a list of rows over an aligned range. */
@Injectable()
export class TrendsService {
  private readonly handlers: Handlers = {
    sentiment: (r, f) => this.sentiment(r, f),
    'negative-share': (r, f) => this.negativeShare(r, f),
    platforms: async (r, f) => pivot(starts(r), await this.repo.platformCounts(r, r.bucket, f), PLATFORMS),
    topics: (r, f) => this.repo.topicTotals(r, r.bucket, TOPIC_LIMIT, f),
    'rising-terms': (r, f) => this.risingTerms(r, f),
    'response-times': (r, f) => this.responseTimes(r, f),
    'sla-breaches': async (r, f) => pivot(starts(r), await this.repo.slaBreaches(r, r.bucket, f), URGENCY_LEVELS),
    agents: (r, f) => this.repo.agentActivity(r, AGENT_LIMIT, f),
    replies: (r, f) => this.replyOutcomes(r, f),
  };

  constructor(private readonly repo: TrendsRepository) {}

  /** One trend over a range; `filter` narrows every series (a language: only its mentions, and the work on them). */
  async get<N extends TrendName>(
    name: N,
    range: ResolvedRange,
    filter: TrendFilter = {},
  ): Promise<TrendResponse<TrendRows[N]>> {
    const items = await (this.handlers[name] as Handler<N>)(range, filter);
    return { from: range.from.toISOString(), to: range.to.toISOString(), bucket: range.bucket, items };
  }

  private async sentiment(range: ResolvedRange, filter: TrendFilter) {
    return pivot(starts(range), await this.repo.sentimentCounts(range, range.bucket, filter), SENTIMENT_LABELS);
  }

  private async negativeShare(range: ResolvedRange, filter: TrendFilter): Promise<Array<TrendRows['negative-share']>> {
    return (await this.sentiment(range, filter)).map((p) => ({
      bucket: p.bucket,
      mentions: p.total,
      negative: p.negative,
      share: p.total ? Math.round((p.negative / p.total) * 10_000) / 10_000 : 0,
    }));
  }

  /**
   * Terms are counted over a stratified sample (at most TERM_SAMPLE mentions per range, spread over
   * TERM_STRATA slices and weighted by each slice's true volume from the aggregates), so the cost is
   * bounded over any range and volume; the previous range is counted only for the candidates found now.
   */
  private async risingTerms(range: ResolvedRange, filter: TrendFilter): Promise<Array<TrendRows['rising-terms']>> {
    const [current, previous] = await Promise.all([
      this.strata(range, range.bucket, filter),
      this.strata(range.previous, range.bucket, filter),
    ]);
    const sample = (strata: typeof current) => ({
      strata,
      perStratum: Math.max(1, Math.ceil(TERM_SAMPLE / Math.max(1, strata.length))),
      stopWords: STOP_WORDS,
      filter,
    });
    const found = await this.repo.termCounts({ ...sample(current), limit: TERM_CANDIDATES });
    const before = found.length
      ? await this.repo.termCounts({ ...sample(previous), limit: TERM_CANDIDATES, onlyTerms: found.map((t) => t.term) })
      : [];
    return scoreRisingTerms(found, total(current), new Map(before.map((t) => [t.term, t.mentions])), total(previous), {
      minMentions: RISING_MIN_MENTIONS,
      limit: RISING_LIMIT,
    });
  }

  private async strata(range: { from: Date; to: Date }, bucket: TrendBucket, filter: TrendFilter) {
    const counts = pivot(
      bucketStarts(range.from, range.to, bucket),
      await this.repo.sentimentCounts(range, bucket, filter),
      [] as const,
    );
    const buckets = counts.map((c) => ({ start: new Date(c.bucket), mentions: c.total }));
    return buildStrata(buckets, BUCKET_MS[bucket], TERM_STRATA);
  }

  private async responseTimes(range: ResolvedRange, filter: TrendFilter): Promise<Array<TrendRows['response-times']>> {
    const rows = new Map(
      (await this.repo.responseTimes(range, range.bucket, filter)).map((r) => [r.bucket.getTime(), r]),
    );
    return starts(range).map((start) => {
      const row = rows.get(start.getTime());
      return {
        bucket: start.toISOString(),
        responses: row?.responses ?? 0,
        medianS: row?.medianS == null ? null : Math.round(row.medianS),
        p90S: row?.p90S == null ? null : Math.round(row.p90S),
      };
    });
  }

  private async replyOutcomes(range: ResolvedRange, filter: TrendFilter): Promise<Array<TrendRows['replies']>> {
    const rows = pivot(starts(range), await this.repo.replyStatuses(range, range.bucket, filter), REPLY_STATUSES);
    return rows.map((r) => ({
      bucket: r.bucket,
      sent: r.sent,
      failed: r.failed,
      rejected: r.rejected,
      pending: r.pending_approval + r.queued + r.sending,
    }));
  }
}

const starts = (range: ResolvedRange) => bucketStarts(range.from, range.to, range.bucket);
const total = (strata: ReadonlyArray<{ mentions: number }>) => strata.reduce((sum, s) => sum + s.mentions, 0);
