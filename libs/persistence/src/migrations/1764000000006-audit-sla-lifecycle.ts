import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mention lifecycle around claims: an audit trail of who did what, internal notes, tags,
 * editable settings (first-response targets) and each mention's SLA clock.
 */
export class AuditSlaLifecycle1764000000006 implements MigrationInterface {
  name = 'AuditSlaLifecycle1764000000006';

  async up(db: QueryRunner): Promise<void> {
    // No foreign key on mention_id: the trail outlives the mention it speaks of.
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        mention_id uuid,
        subject text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC)`);
    await db.query(
      `CREATE INDEX audit_log_mention_idx ON audit_log (mention_id, id DESC) WHERE mention_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC)`);

    await db.query(`
      CREATE TABLE mention_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX mention_notes_mention_idx ON mention_notes (mention_id, created_at)`);

    // Settings a team changes in the app. `version` counts edits; each edit is also audited.
    await db.query(`
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL
      )`);

    await db.query(`
      ALTER TABLE mentions
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN sla_due_at timestamptz,
        ADD COLUMN sla_breached_at timestamptz`);
    // Existing mentions get the default targets of this release (15 min, 1 h, 4 h, 1 day). Those
    // already overdue are marked breached as of their due time, quietly: history, not news, so the
    // sweeper does not flood the screens with old breaches on the first deploy.
    await db.query(`
      UPDATE mentions SET sla_due_at = posted_at + CASE urgency_level
        WHEN 'critical' THEN interval '15 minutes' WHEN 'high' THEN interval '1 hour'
        WHEN 'normal' THEN interval '4 hours' ELSE interval '1 day' END`);
    await db.query(
      `UPDATE mentions SET sla_breached_at = sla_due_at WHERE sla_due_at <= now() AND status IN ('new', 'claimed')`,
    );
    // The sweeper's and the summary's working set: open, unanswered, not yet breached.
    await db.query(`
      CREATE INDEX mentions_sla_open_idx ON mentions (sla_due_at)
        WHERE sla_breached_at IS NULL AND first_response_at IS NULL AND status IN ('new', 'claimed')`);
    await db.query(
      `CREATE INDEX mentions_sla_breached_idx ON mentions (sla_breached_at) WHERE sla_breached_at IS NOT NULL`,
    );
    await db.query(`CREATE INDEX mentions_tags_idx ON mentions USING gin (tags)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mentions_tags_idx`);
    await db.query(`DROP INDEX mentions_sla_breached_idx`);
    await db.query(`DROP INDEX mentions_sla_open_idx`);
    await db.query(`
      ALTER TABLE mentions
        DROP COLUMN tags, DROP COLUMN first_response_at, DROP COLUMN sla_due_at, DROP COLUMN sla_breached_at`);
    await db.query(`DROP TABLE settings`);
    await db.query(`DROP TABLE mention_notes`);
    await db.query(`DROP TABLE audit_log`);
  }
}
