import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies and canned responses. A reply is unique per (author, idempotency key): retries, double
 * clicks and lost responses of one request all land on the same row, so one platform post at most.
 */
export class Replies1764000000005 implements MigrationInterface {
  name = 'Replies1764000000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE canned_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        body text NOT NULL,
        platforms text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        text text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_approval', 'rejected', 'queued', 'sending', 'sent', 'failed')),
        canned_response_id uuid REFERENCES canned_responses(id) ON DELETE SET NULL,
        platform_reply_id text,
        platform_url text,
        failure_reason text,
        outcome_unknown boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        send_round integer NOT NULL DEFAULT 0,
        approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        approved_at timestamptz,
        rejected_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT replies_author_idempotency_key UNIQUE (author_id, idempotency_key)
      )`);
    await db.query(`CREATE INDEX replies_mention_idx ON replies (mention_id, created_at)`);
    await db.query(
      `CREATE INDEX replies_open_idx ON replies (status, updated_at) WHERE status IN ('pending_approval', 'queued', 'sending')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE replies`);
    await db.query(`DROP TABLE canned_responses`);
  }
}
