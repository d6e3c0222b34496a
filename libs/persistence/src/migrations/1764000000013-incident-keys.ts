import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents keyed by what they are about: the product and the symptom a spike was found on (null on
 * rule and manual incidents), and the per-minute counts the detector judges, by posting time, per
 * product and symptom. The counts are derived from mentions (the worker rebuilds them when its
 * cursor is missing), so they need no backfill here.
 */
export class IncidentKeys1764000000013 implements MigrationInterface {
  name = 'IncidentKeys1764000000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE incidents ADD COLUMN product text, ADD COLUMN symptom text`);
    await db.query(`
      CREATE TABLE incident_key_minutes (
        product text NOT NULL,
        symptom text NOT NULL,
        minute timestamptz NOT NULL,
        mentions integer NOT NULL,
        PRIMARY KEY (product, symptom, minute)
      )`);
    // Pruning reads by age alone.
    await db.query(`CREATE INDEX incident_key_minutes_minute_idx ON incident_key_minutes (minute)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE incident_key_minutes`);
    await db.query(`ALTER TABLE incidents DROP COLUMN product, DROP COLUMN symptom`);
  }
}
