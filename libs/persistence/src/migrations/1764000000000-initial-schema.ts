import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform text NOT NULL CHECK (platform IN ('x', 'facebook', 'youtube', 'feed')),
        name text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        enabled boolean NOT NULL DEFAULT true,
        poll_interval_ms integer NOT NULL CHECK (poll_interval_ms > 0),
        cursor jsonb NOT NULL DEFAULT '{}'::jsonb,
        next_poll_at timestamptz NOT NULL DEFAULT now(),
        last_polled_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        rate_limit jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE mentions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        platform text NOT NULL,
        external_id text NOT NULL,
        source_id uuid REFERENCES sources(id) ON DELETE SET NULL,
        text text NOT NULL,
        url text NOT NULL,
        lang text NOT NULL,
        author_external_id text NOT NULL,
        author_handle text NOT NULL,
        author_name text NOT NULL,
        author_followers integer NOT NULL,
        author_verified boolean NOT NULL,
        posted_at timestamptz NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        metrics jsonb NOT NULL,
        in_reply_to_external_id text,
        sentiment text NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive')),
        sentiment_score real NOT NULL,
        complaint real NOT NULL,
        urgency smallint NOT NULL CHECK (urgency BETWEEN 0 AND 100),
        urgency_level text NOT NULL CHECK (urgency_level IN ('low', 'normal', 'high', 'critical')),
        topic text NOT NULL,
        reasons jsonb NOT NULL,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'replied', 'resolved', 'ignored')),
        CONSTRAINT mentions_platform_external_id_key UNIQUE (platform, external_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX mentions_seq_idx ON mentions (seq)`);
    await db.query(`CREATE INDEX mentions_posted_at_idx ON mentions (posted_at DESC)`);
    await db.query(`CREATE INDEX mentions_author_idx ON mentions (platform, author_external_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mentions`);
    await db.query(`DROP TABLE sources`);
  }
}
