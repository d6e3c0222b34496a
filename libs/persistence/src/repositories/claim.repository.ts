import type { DataSource } from 'typeorm';

export interface ClaimHolder {
  userId: string;
  name: string;
  expiresAt: string;
}

export type ClaimResult =
  { outcome: 'claimed'; expiresAt: string } | { outcome: 'held'; holder: ClaimHolder } | { outcome: 'missing' };

/**
 * Claims are one conditional UPDATE each: PostgreSQL's row lock lets exactly one of any number of
 * simultaneous claims match `claimed_by IS NULL OR expired`, whatever the number of api nodes.
 */
export class ClaimRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims for `userId`, or renews the lease if `userId` already holds it. */
  async claim(mentionId: string, userId: string, leaseS: number): Promise<ClaimResult> {
    const rows: Array<{ claim_expires_at: Date }> = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE mentions SET claimed_by = $2, claimed_at = CASE WHEN claimed_by = $2 THEN claimed_at ELSE now() END,
           claim_expires_at = now() + make_interval(secs => $3), status = 'claimed'
         WHERE id = $1 AND status IN ('new', 'claimed')
           AND (claimed_by IS NULL OR claimed_by = $2 OR claim_expires_at <= now())
         RETURNING claim_expires_at)
       SELECT * FROM claimed`,
      [mentionId, userId, leaseS],
    );
    if (rows[0]) return { outcome: 'claimed', expiresAt: new Date(rows[0].claim_expires_at).toISOString() };
    const holder = await this.holderOf(mentionId);
    return holder ? { outcome: 'held', holder } : { outcome: 'missing' };
  }

  /** Gives the mention back to the queue; `asUserId` null releases whoever holds it (a manager's release). */
  async release(mentionId: string, asUserId: string | null): Promise<'released' | 'not-holder' | 'missing'> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH released AS (
         UPDATE mentions SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, status = 'new'
         WHERE id = $1 AND status = 'claimed' AND ($2::uuid IS NULL OR claimed_by = $2)
         RETURNING id)
       SELECT * FROM released`,
      [mentionId, asUserId],
    );
    if (rows[0]) return 'released';
    const exists: unknown[] = await this.dataSource.query('SELECT 1 FROM mentions WHERE id = $1', [mentionId]);
    return exists.length ? 'not-holder' : 'missing';
  }

  /** Returns every mention whose lease ran out to the queue; gives their ids (to tell the screens). */
  async expireLeases(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH expired AS (
         UPDATE mentions SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, status = 'new'
         WHERE claimed_by IS NOT NULL AND claim_expires_at <= now() AND status = 'claimed'
         RETURNING id)
       SELECT id FROM expired`,
    );
    return rows.map((r) => r.id);
  }

  async holderOf(mentionId: string): Promise<ClaimHolder | undefined> {
    const rows: Array<{ user_id: string; name: string; claim_expires_at: Date }> = await this.dataSource.query(
      `SELECT u.id AS user_id, u.name, m.claim_expires_at FROM mentions m JOIN users u ON u.id = m.claimed_by
       WHERE m.id = $1 AND m.claim_expires_at > now()`,
      [mentionId],
    );
    const row = rows[0];
    return row
      ? { userId: row.user_id, name: row.name, expiresAt: new Date(row.claim_expires_at).toISOString() }
      : undefined;
  }
}
