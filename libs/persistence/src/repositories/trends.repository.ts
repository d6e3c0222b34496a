import type { DataSource } from 'typeorm';
import type { AgentActivity, Platform, ReplyStatus, SentimentLabel, TrendBucket, UrgencyLevel } from '@lp/domain';
import { AGGREGATE_TABLES } from './mention-aggregates-sql';

/** A half-open range [from, to), already aligned to whole buckets by the caller. */
export interface TrendRange {
  from: Date;
  to: Date;
}

export interface BucketCount<K extends string> {
  bucket: Date;
  key: K;
  n: number;
}

export interface TopicTotals {
  topic: string;
  mentions: number;
  negative: number;
  complaints: number;
  critical: number;
}

/** A slice of a range whose mentions are sampled for terms, and how many mentions it holds in all. */
export interface TermStratum {
  from: Date;
  to: Date;
  mentions: number;
}

export interface TermSampleQuery {
  strata: readonly TermStratum[];
  /** Mentions read per stratum at most: the bound on the work, whatever the volume. */
  perStratum: number;
  stopWords: readonly string[];
  limit: number;
  /** Count only these terms (the previous range, for the terms found in the current one). */
  onlyTerms?: readonly string[];
}

export interface ResponseTimeRow {
  bucket: Date;
  responses: number;
  medianS: number | null;
  p90S: number | null;
}

const UNIT: Record<TrendBucket, string> = { minute: 'minute', hour: 'hour', day: 'day' };

/** Bucket start in SQL, in UTC whatever the session time zone. */
const truncSql = (bucket: TrendBucket, column: string) => `date_trunc('${UNIT[bucket]}', ${column}, 'UTC')`;

/**
 * Reads behind the trends screen. Mention counts come from the aggregate table of the bucket's grain
 * (a primary-key range scan); the rest read small indexed sets: answered mentions, breaches, audit
 * entries and replies in the range.
 */
export class TrendsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Mentions per bucket and sentiment. */
  sentimentCounts(range: TrendRange, bucket: TrendBucket): Promise<Array<BucketCount<SentimentLabel>>> {
    return this.countsBy(range, bucket, 'sentiment');
  }

  /** Mentions per bucket and platform. */
  platformCounts(range: TrendRange, bucket: TrendBucket): Promise<Array<BucketCount<Platform>>> {
    return this.countsBy(range, bucket, 'platform');
  }

  async topicTotals(range: TrendRange, bucket: TrendBucket, limit: number): Promise<TopicTotals[]> {
    const { table, column } = AGGREGATE_TABLES[bucket];
    const rows: TopicTotals[] = await this.dataSource.query(
      `SELECT topic, sum(mentions)::int AS mentions,
         coalesce(sum(mentions) FILTER (WHERE sentiment = 'negative'), 0)::int AS negative,
         sum(complaints)::int AS complaints, sum(critical)::int AS critical
       FROM ${table} WHERE ${column} >= $1 AND ${column} < $2
       GROUP BY topic ORDER BY mentions DESC, topic LIMIT $3`,
      [range.from, range.to, limit],
    );
    return rows;
  }

  /**
   * Estimated number of mentions containing each term (document frequency), from a stratified
   * sample: up to `perStratum` mentions from each stratum, each weighted by stratum size / sample
   * size, so a busy hour counts for what it really was. Words are split out of the text with URLs and
   * @handles removed; stop words, numbers and words under 3 letters are dropped.
   */
  async termCounts(query: TermSampleQuery): Promise<Array<{ term: string; mentions: number }>> {
    if (query.strata.length === 0) return [];
    const rows: Array<{ term: string; mentions: number }> = await this.dataSource.query(
      `WITH strata AS (
         SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[], $3::int[]) WITH ORDINALITY AS s(s_from, s_to, total, i)),
       sample AS (
         SELECT st.i, m.text FROM strata st
         CROSS JOIN LATERAL (
           SELECT text FROM mentions WHERE posted_at >= st.s_from AND posted_at < st.s_to
           ORDER BY posted_at DESC LIMIT $4) m
         WHERE st.total > 0),
       weights AS (
         SELECT sa.i, st.total::float8 / count(*) AS w FROM sample sa JOIN strata st USING (i) GROUP BY sa.i, st.total),
       terms AS (
         SELECT sa.i, t.term FROM sample sa
         CROSS JOIN LATERAL (
           SELECT DISTINCT w AS term
           FROM regexp_split_to_table(
             lower(regexp_replace(sa.text, '(https?://|www\\.)\\S+|@\\w+', ' ', 'g')), '[^[:alnum:]]+') AS w
           WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$' AND NOT (w = ANY($5::text[]))) t)
       SELECT term, round(sum(weights.w))::int AS mentions
       FROM terms JOIN weights USING (i)
       WHERE $6::text[] IS NULL OR term = ANY($6::text[])
       GROUP BY term ORDER BY mentions DESC, term LIMIT $7`,
      [
        query.strata.map((s) => s.from),
        query.strata.map((s) => s.to),
        query.strata.map((s) => s.mentions),
        query.perStratum,
        query.stopWords,
        query.onlyTerms ?? null,
        query.limit,
      ],
    );
    return rows;
  }

  /** Median and 90th percentile of posted → first response, by when the response went out. */
  async responseTimes(range: TrendRange, bucket: TrendBucket): Promise<ResponseTimeRow[]> {
    const rows: Array<{ bucket: Date; responses: number; p: Array<number | null> }> = await this.dataSource.query(
      `SELECT ${truncSql(bucket, 'first_response_at')} AS bucket, count(*)::int AS responses,
         percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (
           ORDER BY greatest(0, extract(epoch FROM first_response_at - posted_at))) AS p
       FROM mentions
       WHERE first_response_at IS NOT NULL AND first_response_at >= $1 AND first_response_at < $2
       GROUP BY 1`,
      [range.from, range.to],
    );
    return rows.map((r) => ({
      bucket: new Date(r.bucket),
      responses: r.responses,
      medianS: r.p[0] ?? null,
      p90S: r.p[1] ?? null,
    }));
  }

  /** First-response breaches per bucket (when the deadline passed unanswered) and urgency level. */
  async slaBreaches(range: TrendRange, bucket: TrendBucket): Promise<Array<BucketCount<UrgencyLevel>>> {
    return this.bucketCounts(
      `SELECT ${truncSql(bucket, 'sla_breached_at')} AS bucket, urgency_level AS key, count(*)::int AS n
       FROM mentions WHERE sla_breached_at >= $1 AND sla_breached_at < $2 GROUP BY 1, 2`,
      range,
    );
  }

  /** Replies per bucket (by when they were written) and status. */
  async replyStatuses(range: TrendRange, bucket: TrendBucket): Promise<Array<BucketCount<ReplyStatus>>> {
    return this.bucketCounts(
      `SELECT ${truncSql(bucket, 'created_at')} AS bucket, status AS key, count(*)::int AS n
       FROM replies WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2`,
      range,
    );
  }

  /** What each person did in the range, from the audit trail; the system (no actor) is left out. */
  async agentActivity(range: TrendRange, limit: number): Promise<AgentActivity[]> {
    const rows: AgentActivity[] = await this.dataSource.query(
      `SELECT a.actor_id AS "agentId", coalesce(u.name, 'deleted user') AS name,
         count(*) FILTER (WHERE a.action = 'mention.claimed')::int AS claims,
         count(*) FILTER (WHERE a.action = 'reply.sent')::int AS "repliesSent",
         count(*) FILTER (WHERE a.action = 'reply.approved')::int AS approvals,
         count(*) FILTER (WHERE a.action = 'mention.status_changed')::int AS "statusChanges",
         count(*) FILTER (WHERE a.action = 'mention.note_added')::int AS notes
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.at >= $1 AND a.at < $2 AND a.actor_id IS NOT NULL
         AND a.action IN ('mention.claimed', 'reply.sent', 'reply.approved', 'mention.status_changed', 'mention.note_added')
       GROUP BY a.actor_id, u.name
       ORDER BY "repliesSent" DESC, claims DESC, name LIMIT $3`,
      [range.from, range.to, limit],
    );
    return rows;
  }

  private countsBy<K extends string>(
    range: TrendRange,
    bucket: TrendBucket,
    key: 'sentiment' | 'platform',
  ): Promise<Array<BucketCount<K>>> {
    const { table, column } = AGGREGATE_TABLES[bucket];
    return this.bucketCounts(
      `SELECT ${column} AS bucket, ${key} AS key, sum(mentions)::int AS n
       FROM ${table} WHERE ${column} >= $1 AND ${column} < $2 GROUP BY 1, 2`,
      range,
    );
  }

  private async bucketCounts<K extends string>(sql: string, range: TrendRange): Promise<Array<BucketCount<K>>> {
    const rows: Array<{ bucket: Date; key: K; n: number }> = await this.dataSource.query(sql, [range.from, range.to]);
    return rows.map((r) => ({ bucket: new Date(r.bucket), key: r.key, n: r.n }));
  }
}
