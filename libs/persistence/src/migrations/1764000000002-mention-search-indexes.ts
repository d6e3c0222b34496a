import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes behind the mention list's filters: full-text search and the common triage filters. */
export class MentionSearchIndexes1764000000002 implements MigrationInterface {
  name = 'MentionSearchIndexes1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX mentions_text_search_idx ON mentions USING gin (to_tsvector('simple', text))`);
    await db.query(`CREATE INDEX mentions_status_level_idx ON mentions (status, urgency_level, seq DESC)`);
    await db.query(`CREATE INDEX mentions_platform_seq_idx ON mentions (platform, seq DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mentions_platform_seq_idx`);
    await db.query(`DROP INDEX mentions_status_level_idx`);
    await db.query(`DROP INDEX mentions_text_search_idx`);
  }
}
