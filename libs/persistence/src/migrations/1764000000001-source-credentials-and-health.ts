import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sources gain sealed credentials, health, silence tracking and a quota snapshot. */
export class SourceCredentialsAndHealth1764000000001 implements MigrationInterface {
  name = 'SourceCredentialsAndHealth1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sources
        ADD COLUMN credentials text,
        ADD COLUMN health text NOT NULL DEFAULT 'pending'
          CHECK (health IN ('pending', 'healthy', 'silent', 'throttled', 'failing', 'paused')),
        ADD COLUMN health_reason text,
        ADD COLUMN last_error_permanent boolean NOT NULL DEFAULT false,
        ADD COLUMN throttled_until timestamptz,
        ADD COLUMN last_mention_at timestamptz,
        ADD COLUMN mean_gap_ms double precision,
        ADD COLUMN quota jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sources
        DROP COLUMN credentials, DROP COLUMN health, DROP COLUMN health_reason,
        DROP COLUMN last_error_permanent, DROP COLUMN throttled_until,
        DROP COLUMN last_mention_at, DROP COLUMN mean_gap_ms, DROP COLUMN quota`);
  }
}
