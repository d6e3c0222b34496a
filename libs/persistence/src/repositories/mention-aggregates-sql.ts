import type { TrendBucket } from '@lp/domain';

/** A mention counts as a complaint when the scorer gives it at least even odds. */
export const COMPLAINT_MIN_PROBABILITY = 0.5;

/**
 * The three aggregate tables, one per grain, all keyed (time, platform, topic, sentiment, lang). Minute rows
 * serve short ranges and spike detection; hourly and daily rollups keep a query over months to a few
 * thousand rows. Each is kept by the same ingest statement that inserts the mentions, so they never lag.
 */
export const AGGREGATE_TABLES: Record<TrendBucket, { table: string; column: string }> = {
  minute: { table: 'mention_minutes', column: 'minute' },
  hour: { table: 'mention_hours', column: 'hour' },
  day: { table: 'mention_days', column: 'day' },
};

const COUNTERS = ['mentions', 'complaints', 'urgency_sum', 'critical'] as const;

/**
 * The per-minute counts of a set of mention rows, as a SELECT over `from` (which must have
 * posted_at, platform, topic, sentiment, lang, complaint, urgency and urgency_level). UTC truncation: the
 * session time zone must never move a bucket.
 */
export function minuteCountsSql(from: string, where = 'true'): string {
  return `SELECT date_trunc('minute', posted_at, 'UTC') AS minute, platform, topic, sentiment, lang,
      count(*)::int AS mentions,
      count(*) FILTER (WHERE complaint >= ${COMPLAINT_MIN_PROBABILITY})::int AS complaints,
      sum(urgency)::bigint AS urgency_sum,
      count(*) FILTER (WHERE urgency_level = 'critical')::int AS critical
    FROM ${from} WHERE ${where} GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Adds per-minute counts (a relation with the columns of `minuteCountsSql`) into one grain's table.
 * Rows go in key order so two concurrent batches lock shared rows in the same order and cannot deadlock.
 */
export function addCountsSql(bucket: TrendBucket, minuteCounts: string): string {
  const { table, column } = AGGREGATE_TABLES[bucket];
  const sums = COUNTERS.map((c) => `sum(${c})`).join(', ');
  const add = COUNTERS.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');
  return `INSERT INTO ${table} (${column}, platform, topic, sentiment, lang, ${COUNTERS.join(', ')})
    SELECT date_trunc('${bucket}', minute, 'UTC'), platform, topic, sentiment, lang, ${sums}
    FROM ${minuteCounts} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (${column}, platform, topic, sentiment, lang) DO UPDATE SET ${add}`;
}

/**
 * CTEs to append to a `WITH <upserted> AS (INSERT INTO mentions … RETURNING *, (xmax = 0) AS inserted)`:
 * they count only the rows that statement really inserted, so a re-run job or a repeated mention
 * (inserted = false) never counts twice, and the counts commit or roll back with the rows.
 */
export function countInsertedSql(upserted: string): string {
  return `new_minute_counts AS (${minuteCountsSql(upserted, 'inserted')}),
    minute_counts_added AS (${addCountsSql('minute', 'new_minute_counts')}),
    hour_counts_added AS (${addCountsSql('hour', 'new_minute_counts')}),
    day_counts_added AS (${addCountsSql('day', 'new_minute_counts')})`;
}
