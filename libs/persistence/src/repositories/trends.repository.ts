import type { DataSource } from 'typeorm';
import type { AgentActivity, Platform, ReplyStatus, SentimentLabel, TrendBucket, UrgencyLevel } from '@lp/domain';
import { AGGREGATE_TABLES } from './mention-aggregates-sql';

/** A half-open range [from, to), already aligned to whole buckets by the caller. */
export interface TrendRange {
  from: Date;
  to: Date;
}

/** What every trend can be narrowed to; an empty or missing list means no narrowing. */
export interface TrendFilter {
  /** Only mentions in these languages (ISO 639-1 codes, "und" for unknown). */
  lang?: readonly string[];
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
  filter?: TrendFilter;
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
 * The filter as SQL over `column` (a mention's or an aggregate row's lang) with its value pushed
 * onto `params`; 'true' when there is nothing to narrow, so the plan stays the unfiltered one.
 */
function langSql(filter: TrendFilter | undefined, column: string, params: unknown[]): string {
  if (!filter?.lang?.length) return 'true';
  params.push(filter.lang);
  return `${column} = ANY($${params.length}::text[])`;
}

/**
 * Reads behind the trends screen. Mention counts come from the aggregate table of the bucket's grain
 * (a primary-key range scan); the rest read small indexed sets: answered mentions, breaches, audit
 * entries and replies in the range.
 */
export class TrendsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Mentions per bucket and sentiment. */
  sentimentCounts(
    range: TrendRange,
    bucket: TrendBucket,
    filter?: TrendFilter,
  ): Promise<Array<BucketCount<SentimentLabel>>> {
    return this.countsBy(range, bucket, 'sentiment', filter);
  }

  /** Mentions per bucket and platform. */
  platformCounts(range: TrendRange, bucket: TrendBucket, filter?: TrendFilter): Promise<Array<BucketCount<Platform>>> {
    return this.countsBy(range, bucket, 'platform', filter);
  }

  async topicTotals(
    range: TrendRange,
    bucket: TrendBucket,
    limit: number,
    filter?: TrendFilter,
  ): Promise<TopicTotals[]> {
    const { table, column } = AGGREGATE_TABLES[bucket];
    const params: unknown[] = [range.from, range.to, limit];
    const rows: TopicTotals[] = await this.dataSource.query(
      `SELECT topic, sum(mentions)::int AS mentions,
         coalesce(sum(mentions) FILTER (WHERE sentiment = 'negative'), 0)::int AS negative,
         sum(complaints)::int AS complaints, sum(critical)::int AS critical
       FROM ${table} WHERE ${column} >= $1 AND ${column} < $2 AND ${langSql(filter, 'lang', params)}
       GROUP BY topic ORDER BY mentions DESC, topic LIMIT $3`,
      params,
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
    const params: unknown[] = [
      query.strata.map((s) => s.from),
      query.strata.map((s) => s.to),
      query.strata.map((s) => s.mentions),
      query.perStratum,
      query.stopWords,
      query.onlyTerms ?? null,
      query.limit,
    ];
    const rows: Array<{ term: string; mentions: number }> = await this.dataSource.query(
      `WITH strata AS (
         SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[], $3::int[]) WITH ORDINALITY AS s(s_from, s_to, total, i)),
       sample AS (
         SELECT st.i, m.text FROM strata st
         CROSS JOIN LATERAL (
           SELECT text FROM mentions
           WHERE posted_at >= st.s_from AND posted_at < st.s_to AND ${langSql(query.filter, 'lang', params)}
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
      params,
    );
    return rows;
  }

  /** Median and 90th percentile of posted → first response, by when the response went out. */
  async responseTimes(range: TrendRange, bucket: TrendBucket, filter?: TrendFilter): Promise<ResponseTimeRow[]> {
    const params: unknown[] = [range.from, range.to];
    const rows: Array<{ bucket: Date; responses: number; p: Array<number | null> }> = await this.dataSource.query(
      `SELECT ${truncSql(bucket, 'first_response_at')} AS bucket, count(*)::int AS responses,
         percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (
           ORDER BY greatest(0, extract(epoch FROM first_response_at - posted_at))) AS p
       FROM mentions
       WHERE first_response_at IS NOT NULL AND first_response_at >= $1 AND first_response_at < $2
         AND ${langSql(filter, 'lang', params)}
       GROUP BY 1`,
      params,
    );
    return rows.map((r) => ({
      bucket: new Date(r.bucket),
      responses: r.responses,
      medianS: r.p[0] ?? null,
      p90S: r.p[1] ?? null,
    }));
  }

  /** First-response breaches per bucket (when the deadline passed unanswered) and urgency level. */
  async slaBreaches(
    range: TrendRange,
    bucket: TrendBucket,
    filter?: TrendFilter,
  ): Promise<Array<BucketCount<UrgencyLevel>>> {
    const params: unknown[] = [range.from, range.to];
    return this.bucketCounts(
      `SELECT ${truncSql(bucket, 'sla_breached_at')} AS bucket, urgency_level AS key, count(*)::int AS n
       FROM mentions WHERE sla_breached_at >= $1 AND sla_breached_at < $2 AND ${langSql(filter, 'lang', params)}
       GROUP BY 1, 2`,
      params,
    );
  }

  /** Replies per bucket (by when they were written) and status; filtered by their mention's language. */
  async replyStatuses(
    range: TrendRange,
    bucket: TrendBucket,
    filter?: TrendFilter,
  ): Promise<Array<BucketCount<ReplyStatus>>> {
    const params: unknown[] = [range.from, range.to];
    const lang = langSql(filter, 'm.lang', params);
    return this.bucketCounts(
      `SELECT ${truncSql(bucket, 'r.created_at')} AS bucket, r.status AS key, count(*)::int AS n
       FROM replies r ${lang === 'true' ? '' : `JOIN mentions m ON m.id = r.mention_id AND ${lang}`}
       WHERE r.created_at >= $1 AND r.created_at < $2 GROUP BY 1, 2`,
      params,
    );
  }

  /**
   * What each person did in the range, from the audit trail; the system (no actor) is left out.
   * Filtered, only the work on mentions in those languages counts.
   */
  async agentActivity(range: TrendRange, limit: number, filter?: TrendFilter): Promise<AgentActivity[]> {
    const params: unknown[] = [range.from, range.to, limit];
    const lang = langSql(filter, 'm.lang', params);
    const rows: AgentActivity[] = await this.dataSource.query(
      `SELECT a.actor_id AS "agentId", coalesce(u.name, 'deleted user') AS name,
         count(*) FILTER (WHERE a.action = 'mention.claimed')::int AS claims,
         count(*) FILTER (WHERE a.action = 'reply.sent')::int AS "repliesSent",
         count(*) FILTER (WHERE a.action = 'reply.approved')::int AS approvals,
         count(*) FILTER (WHERE a.action = 'mention.status_changed')::int AS "statusChanges",
         count(*) FILTER (WHERE a.action = 'mention.note_added')::int AS notes
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${lang === 'true' ? '' : `JOIN mentions m ON m.id = a.mention_id AND ${lang}`}
       WHERE a.at >= $1 AND a.at < $2 AND a.actor_id IS NOT NULL
         AND a.action IN ('mention.claimed', 'reply.sent', 'reply.approved', 'mention.status_changed', 'mention.note_added')
       GROUP BY a.actor_id, u.name
       ORDER BY "repliesSent" DESC, claims DESC, name LIMIT $3`,
      params,
    );
    return rows;
  }

  private countsBy<K extends string>(
    range: TrendRange,
    bucket: TrendBucket,
    key: 'sentiment' | 'platform',
    filter: TrendFilter | undefined,
  ): Promise<Array<BucketCount<K>>> {
    const { table, column } = AGGREGATE_TABLES[bucket];
    const params: unknown[] = [range.from, range.to];
    return this.bucketCounts(
      `SELECT ${column} AS bucket, ${key} AS key, sum(mentions)::int AS n
       FROM ${table} WHERE ${column} >= $1 AND ${column} < $2 AND ${langSql(filter, 'lang', params)} GROUP BY 1, 2`,
      params,
    );
  }

  private async bucketCounts<K extends string>(sql: string, params: unknown[]): Promise<Array<BucketCount<K>>> {
    const rows: Array<{ bucket: Date; key: K; n: number }> = await this.dataSource.query(sql, params);
    return rows.map((r) => ({ bucket: new Date(r.bucket), key: r.key, n: r.n }));
  }
}
