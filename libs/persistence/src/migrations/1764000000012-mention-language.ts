import type { MigrationInterface, QueryRunner } from 'typeorm';

const GRAINS = [
  { table: 'mention_minutes', column: 'minute' },
  { table: 'mention_hours', column: 'hour' },
  { table: 'mention_days', column: 'day' },
] as const;
const COUNTERS =
  'sum(mentions) AS mentions, sum(complaints) AS complaints, sum(urgency_sum) AS urgency_sum, sum(critical) AS critical';

/**
 * Language as a filter: the mention list by language (newest first within it), and the mention
 * counts per minute, hour and day keyed by language too, so every trend can be narrowed to a
 * language without reading the mentions. The counts are recounted from the mentions table (they
 * always equal it); lang defaults to "und" so a writer that does not name it still fits.
 */
export class MentionLanguage1764000000012 implements MigrationInterface {
  name = 'MentionLanguage1764000000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX mentions_lang_seq_idx ON mentions (lang, seq DESC)`);

    // Reads still allowed; ingest waits until commit, so no mention inserted meanwhile goes uncounted.
    await db.query('LOCK TABLE mentions IN SHARE MODE');
    for (const { table } of GRAINS) {
      await db.query(`TRUNCATE ${table}`);
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
      await db.query(`ALTER TABLE ${table} ADD COLUMN lang text NOT NULL DEFAULT 'und'`);
    }
    await db.query(`
      INSERT INTO mention_minutes (minute, platform, topic, sentiment, lang, mentions, complaints, urgency_sum, critical)
      SELECT date_trunc('minute', posted_at, 'UTC'), platform, topic, sentiment, lang, count(*),
        count(*) FILTER (WHERE complaint >= 0.5), sum(urgency), count(*) FILTER (WHERE urgency_level = 'critical')
      FROM mentions GROUP BY 1, 2, 3, 4, 5`);
    for (const { table, column } of GRAINS.slice(1)) {
      await db.query(`
        INSERT INTO ${table} (${column}, platform, topic, sentiment, lang, mentions, complaints, urgency_sum, critical)
        SELECT date_trunc('${column}', minute, 'UTC'), platform, topic, sentiment, lang, ${COUNTERS}
        FROM mention_minutes GROUP BY 1, 2, 3, 4, 5`);
    }
    for (const { table, column } of GRAINS) {
      await db.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${column}, platform, topic, sentiment, lang)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, column } of GRAINS) {
      await db.query(`
        CREATE TEMP TABLE ${table}_old AS
        SELECT ${column}, platform, topic, sentiment, ${COUNTERS} FROM ${table} GROUP BY 1, 2, 3, 4`);
      await db.query(`TRUNCATE ${table}`);
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN lang`);
      await db.query(`INSERT INTO ${table} SELECT * FROM ${table}_old`);
      await db.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${column}, platform, topic, sentiment)`);
      await db.query(`DROP TABLE ${table}_old`);
    }
    await db.query(`DROP INDEX mentions_lang_seq_idx`);
  }
}
