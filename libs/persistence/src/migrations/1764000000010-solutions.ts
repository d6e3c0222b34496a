import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Solutions: a fix given once, versioned, findable by full text and by similar wording (pg_trgm,
 * a contrib extension shipped with PostgreSQL 15+), with the outcomes that prove it works: the
 * customer's follow-up in the conversation (reply_outcomes) and votes on its public page
 * (solution_feedback, keyed by hashes only: never an IP address).
 */
export class Solutions1764000000010 implements MigrationInterface {
  name = 'Solutions1764000000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE solutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL,
        problem text NOT NULL,
        fix text NOT NULL,
        product text,
        topic text,
        language text NOT NULL DEFAULT 'en',
        team text,
        version integer NOT NULL DEFAULT 1,
        source_reply_id uuid UNIQUE REFERENCES replies(id) ON DELETE SET NULL,
        worked_count integer NOT NULL DEFAULT 0,
        failed_count integer NOT NULL DEFAULT 0,
        last_confirmed_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- 'english' stems ("printing" finds "print"); the title weighs most, then the problem.
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, problem), 'B') ||
          setweight(to_tsvector('english'::regconfig, fix), 'C')) STORED
      )`);
    await db.query(`CREATE INDEX solutions_search_idx ON solutions USING gin (search)`);
    await db.query(`CREATE INDEX solutions_problem_trgm_idx ON solutions USING gin (problem gin_trgm_ops)`);
    await db.query(`CREATE INDEX solutions_fix_trgm_idx ON solutions USING gin (fix gin_trgm_ops)`);
    await db.query(`
      CREATE TABLE solution_versions (
        solution_id uuid NOT NULL REFERENCES solutions(id) ON DELETE CASCADE,
        version integer NOT NULL,
        title text NOT NULL,
        problem text NOT NULL,
        fix text NOT NULL,
        product text,
        topic text,
        language text NOT NULL,
        team text,
        edited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (solution_id, version)
      )`);
    // Which solution a reply carried: set when a reply is saved as a solution or links to one.
    await db.query(`ALTER TABLE replies ADD COLUMN solution_id uuid REFERENCES solutions(id) ON DELETE SET NULL`);
    await db.query(`CREATE INDEX replies_solution_idx ON replies (solution_id) WHERE solution_id IS NOT NULL`);
    // Follow-ups are found by the id of our posted reply they answer.
    await db.query(
      `CREATE INDEX replies_platform_reply_idx ON replies (platform_reply_id) WHERE platform_reply_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX mentions_in_reply_to_idx ON mentions (in_reply_to_external_id) WHERE in_reply_to_external_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE reply_outcomes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reply_id uuid NOT NULL REFERENCES replies(id) ON DELETE CASCADE,
        solution_id uuid REFERENCES solutions(id) ON DELETE SET NULL,
        -- One verdict per follow-up: a re-run sweep or a second worker inserts nothing.
        follow_up_mention_id uuid NOT NULL UNIQUE REFERENCES mentions(id) ON DELETE CASCADE,
        outcome text NOT NULL CHECK (outcome IN ('confirmed', 'failed', 'unclear')),
        score real NOT NULL,
        reasons text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX reply_outcomes_solution_idx ON reply_outcomes (solution_id, outcome)`);
    await db.query(`CREATE INDEX reply_outcomes_reply_idx ON reply_outcomes (reply_id)`);
    await db.query(`
      CREATE TABLE solution_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        solution_id uuid NOT NULL REFERENCES solutions(id) ON DELETE CASCADE,
        -- Keyed HMACs of the visitor cookie and of IP + user agent: one vote per visitor, no IP kept.
        visitor_hash text NOT NULL,
        client_hash text NOT NULL,
        worked boolean NOT NULL,
        comment text CHECK (char_length(comment) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT solution_feedback_visitor UNIQUE (solution_id, visitor_hash),
        CONSTRAINT solution_feedback_client UNIQUE (solution_id, client_hash)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE solution_feedback`);
    await db.query(`DROP TABLE reply_outcomes`);
    await db.query(`DROP INDEX mentions_in_reply_to_idx`);
    await db.query(`DROP INDEX replies_platform_reply_idx`);
    await db.query(`ALTER TABLE replies DROP COLUMN solution_id`);
    await db.query(`DROP TABLE solution_versions`);
    await db.query(`DROP TABLE solutions`);
  }
}
