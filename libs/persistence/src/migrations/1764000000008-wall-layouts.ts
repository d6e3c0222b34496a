import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wall layouts per screen name. Each save is a new row (version N+1), never an update, so a screen
 * can be put back to any earlier layout and the history says who changed what.
 */
export class WallLayouts1764000000008 implements MigrationInterface {
  name = 'WallLayouts1764000000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wall_layouts (
        name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        version integer NOT NULL CHECK (version >= 1),
        layout jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE wall_layouts`);
  }
}
