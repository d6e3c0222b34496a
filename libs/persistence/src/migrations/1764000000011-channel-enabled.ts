import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A channel can be switched off without deleting it, so the ladders that name it keep their steps
 * while it is down for maintenance. Existing channels stay on.
 */
export class ChannelEnabled1764000000011 implements MigrationInterface {
  name = 'ChannelEnabled1764000000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_channels ADD COLUMN enabled boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_channels DROP COLUMN enabled`);
  }
}
