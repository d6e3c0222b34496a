import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Early warning and escalation: incidents (with the mentions they group and a timeline), the
 * channels, policies, rules and rotations a team edits in the app, one delivery row per page sent
 * (status, attempts, last error), and shift handover digests.
 */
export class IncidentsEscalation1764000000009 implements MigrationInterface {
  name = 'IncidentsEscalation1764000000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE oncall_rotations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        primary_user_ids uuid[] NOT NULL DEFAULT '{}',
        secondary_user_ids uuid[] NOT NULL DEFAULT '{}',
        manager_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        shift_s integer NOT NULL CHECK (shift_s > 0),
        starts_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE notification_channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('webhook', 'slack', 'pagerduty', 'email')),
        config jsonb NOT NULL,
        sealed_secret text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE escalation_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        rotation_id uuid REFERENCES oncall_rotations(id) ON DELETE SET NULL,
        steps jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE escalation_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        trigger jsonb NOT NULL,
        policy_id uuid NOT NULL REFERENCES escalation_policies(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_key text NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        severity text NOT NULL,
        trigger text NOT NULL,
        trigger_details jsonb NOT NULL DEFAULT '{}'::jsonb,
        topic text,
        terms text[] NOT NULL DEFAULT '{}',
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        policy_id uuid REFERENCES escalation_policies(id) ON DELETE SET NULL,
        rule_id uuid REFERENCES escalation_rules(id) ON DELETE SET NULL,
        escalation_step integer NOT NULL DEFAULT 0,
        opened_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one unresolved incident per group: two workers (or two ticks) detecting the same
    // burst both INSERT … ON CONFLICT DO NOTHING, and the loser joins the winner's incident.
    await db.query(`CREATE UNIQUE INDEX incidents_open_group_idx ON incidents (group_key) WHERE resolved_at IS NULL`);
    await db.query(`CREATE INDEX incidents_opened_at_idx ON incidents (opened_at DESC)`);
    // A mention belongs to one incident at most (its primary key), so two signals never count it twice.
    await db.query(`
      CREATE TABLE incident_mentions (
        mention_id uuid PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX incident_mentions_incident_idx ON incident_mentions (incident_id)`);
    await db.query(`
      CREATE TABLE incident_timeline (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, id)`);
    // One row per (incident, step, channel, action): the unique key is what makes a re-run step
    // find its pages already written instead of paging twice.
    await db.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        step integer NOT NULL,
        channel_id uuid NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
        target text,
        target_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL CHECK (action IN ('trigger', 'acknowledge', 'resolve')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notification_deliveries_once UNIQUE (incident_id, step, channel_id, action)
      )`);
    await db.query(`
      CREATE TABLE digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        scheduled boolean NOT NULL DEFAULT false,
        summary jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A scheduled digest is made once per shift however many workers try.
    await db.query(`CREATE UNIQUE INDEX digests_scheduled_idx ON digests (period_end) WHERE scheduled`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'digests',
      'notification_deliveries',
      'incident_timeline',
      'incident_mentions',
      'incidents',
      'escalation_rules',
      'escalation_policies',
      'notification_channels',
      'oncall_rotations',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
