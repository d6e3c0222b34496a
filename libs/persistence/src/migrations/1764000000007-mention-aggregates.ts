import type { MigrationInterface, QueryRunner } from 'typeorm';

const GRAINS = [
  { table: 'mention_minutes', column: 'minute' },
  { table: 'mention_hours', column: 'hour' },
  { table: 'mention_days', column: 'day' },
] as const;

/**
 * Mention counts per minute, hour and day (UTC) by platform, topic and sentiment, for trends and
 * spike detection. Ingest adds to all three in the statement that inserts the mentions; the rollups
 * are stored rather than summed from minutes at read time, so a month is ~30 daily rows per key
 * instead of ~43,000 minute rows. Plus the indexes behind the response-time and reply-outcome trends.
 */
export class MentionAggregates1764000000007 implements MigrationInterface {
  name = 'MentionAggregates1764000000007';

  async up(db: QueryRunner): Promise<void> {
    for (const { table, column } of GRAINS) {
      // The time column leads the key: every trends read is a range scan on it.
      await db.query(`
        CREATE TABLE ${table} (
          ${column} timestamptz NOT NULL,
          platform text NOT NULL,
          topic text NOT NULL,
          sentiment text NOT NULL,
          mentions integer NOT NULL,
          complaints integer NOT NULL,
          urgency_sum bigint NOT NULL,
          critical integer NOT NULL,
          PRIMARY KEY (${column}, platform, topic, sentiment)
        )`);
    }

    // Backfill. The lock (reads still allowed) holds back ingest until commit, so no mention inserted
    // meanwhile by a still-running old worker can be missed by the counts.
    await db.query('LOCK TABLE mentions IN SHARE MODE');
    await db.query(`
      INSERT INTO mention_minutes
      SELECT date_trunc('minute', posted_at, 'UTC'), platform, topic, sentiment, count(*),
        count(*) FILTER (WHERE complaint >= 0.5), sum(urgency), count(*) FILTER (WHERE urgency_level = 'critical')
      FROM mentions GROUP BY 1, 2, 3, 4`);
    for (const [grain, table] of [
      ['hour', 'mention_hours'],
      ['day', 'mention_days'],
    ] as const) {
      await db.query(`
        INSERT INTO ${table}
        SELECT date_trunc('${grain}', minute, 'UTC'), platform, topic, sentiment,
          sum(mentions), sum(complaints), sum(urgency_sum), sum(critical)
        FROM mention_minutes GROUP BY 1, 2, 3, 4`);
    }

    // Response times are read by when the answer went out; INCLUDE makes it an index-only scan.
    await db.query(`
      CREATE INDEX mentions_first_response_idx ON mentions (first_response_at) INCLUDE (posted_at)
        WHERE first_response_at IS NOT NULL`);
    await db.query(`CREATE INDEX replies_created_at_idx ON replies (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX replies_created_at_idx`);
    await db.query(`DROP INDEX mentions_first_response_idx`);
    for (const { table } of [...GRAINS].reverse()) await db.query(`DROP TABLE ${table}`);
  }
}
