import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agent's claim on a mention: who holds it and until when (a lease, renewed by activity). */
export class MentionClaims1764000000004 implements MigrationInterface {
  name = 'MentionClaims1764000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mentions
        ADD COLUMN claimed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN claimed_at timestamptz,
        ADD COLUMN claim_expires_at timestamptz`);
    await db.query(
      `CREATE INDEX mentions_claim_expiry_idx ON mentions (claim_expires_at) WHERE claimed_by IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mentions_claim_expiry_idx`);
    await db.query(`ALTER TABLE mentions DROP COLUMN claimed_by, DROP COLUMN claimed_at, DROP COLUMN claim_expires_at`);
  }
}
