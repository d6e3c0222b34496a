import type { DataSource, EntityManager } from 'typeorm';
import type { MentionStatus } from '@lp/domain';

export interface ClaimHolder {
  userId: string;
  name: string;
  expiresAt: string;
}

export type ClaimResult =
  /** `renewed`: the caller already held it and only the lease moved. */
  | { outcome: 'claimed'; expiresAt: string; renewed: boolean }
  | { outcome: 'held'; holder: ClaimHolder }
  /** Replied, resolved or ignored: only an open mention can be claimed. */
  | { outcome: 'closed'; status: MentionStatus }
  | { outcome: 'missing' };

export type ReleaseResult =
  /** `releasedUserId`: whose claim ended (a manager may release someone else's). */
  { outcome: 'released'; releasedUserId: string | null } | { outcome: 'not-holder' } | { outcome: 'missing' };

/**
 * Claims are one conditional UPDATE each: PostgreSQL's row lock lets exactly one of any number of
 * simultaneous claims match `claimed_by IS NULL OR expired`, whatever the number of api nodes.
 */
export class ClaimRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims for `userId`, or renews the lease if `userId` already holds it. */
  async claim(mentionId: string, userId: string, leaseS: number, manager?: EntityManager): Promise<ClaimResult> {
    const rows: Array<{ claim_expires_at: Date; renewed: boolean }> = await (manager ?? this.dataSource).query(
      `WITH claimed AS (
         UPDATE mentions SET claimed_by = $2, claimed_at = CASE WHEN claimed_by = $2 THEN claimed_at ELSE now() END,
           claim_expires_at = now() + make_interval(secs => $3), status = 'claimed'
         WHERE id = $1 AND status IN ('new', 'claimed')
           AND (claimed_by IS NULL OR claimed_by = $2 OR claim_expires_at <= now())
         RETURNING claim_expires_at, claimed_at <> now() AS renewed)
       SELECT * FROM claimed`,
      [mentionId, userId, leaseS],
    );
    if (rows[0])
      return {
        outcome: 'claimed',
        expiresAt: new Date(rows[0].claim_expires_at).toISOString(),
        renewed: rows[0].renewed,
      };
    // Same connection as the claim: inside a caller's transaction, a second one from the pool could deadlock it.
    const holder = await this.holderOf(mentionId, manager);
    if (holder) return { outcome: 'held', holder };
    const [row] = (await (manager ?? this.dataSource).query('SELECT status FROM mentions WHERE id = $1', [
      mentionId,
    ])) as Array<{ status: MentionStatus }>;
    return row ? { outcome: 'closed', status: row.status } : { outcome: 'missing' };
  }

  /** Gives the mention back to the queue; `asUserId` null releases whoever holds it (a manager's release). */
  async release(mentionId: string, asUserId: string | null, manager?: EntityManager): Promise<ReleaseResult> {
    const db = manager ?? this.dataSource;
    // `previous` reads the holder before the UPDATE clears it (both see the locked row).
    const rows: Array<{ released_user_id: string | null }> = await db.query(
      `WITH previous AS (SELECT id, claimed_by FROM mentions WHERE id = $1 FOR UPDATE),
       released AS (
         UPDATE mentions m SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, status = 'new'
         FROM previous
         WHERE m.id = previous.id AND m.status = 'claimed' AND ($2::uuid IS NULL OR m.claimed_by = $2)
         RETURNING previous.claimed_by AS released_user_id)
       SELECT * FROM released`,
      [mentionId, asUserId],
    );
    if (rows[0]) return { outcome: 'released', releasedUserId: rows[0].released_user_id };
    const exists: unknown[] = await db.query('SELECT 1 FROM mentions WHERE id = $1', [mentionId]);
    return { outcome: exists.length ? 'not-holder' : 'missing' };
  }

  /**
   * Returns every mention whose lease ran out to the queue; gives each one with whose claim ended
   * (to tell the screens and the audit trail). Pass a transaction to record the trail with it.
   */
  async expireLeases(manager?: EntityManager): Promise<Array<{ mentionId: string; userId: string }>> {
    const rows: Array<{ id: string; user_id: string }> = await (manager ?? this.dataSource).query(
      `WITH due AS (
         SELECT id, claimed_by FROM mentions
         WHERE claimed_by IS NOT NULL AND claim_expires_at <= now() AND status = 'claimed'
         FOR UPDATE SKIP LOCKED),
       expired AS (
         UPDATE mentions m SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL, status = 'new'
         FROM due WHERE m.id = due.id AND m.claim_expires_at <= now() AND m.status = 'claimed'
         RETURNING m.id, due.claimed_by AS user_id)
       SELECT * FROM expired`,
    );
    return rows.map((r) => ({ mentionId: r.id, userId: r.user_id }));
  }

  /** Activity by the holder (typing a reply) extends the lease; nobody else's activity does. */
  async renewLease(mentionId: string, userId: string, leaseS: number): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH renewed AS (
         UPDATE mentions SET claim_expires_at = now() + make_interval(secs => $3)
         WHERE id = $1 AND claimed_by = $2 AND status = 'claimed' AND claim_expires_at > now()
         RETURNING id)
       SELECT id FROM renewed`,
      [mentionId, userId, leaseS],
    );
    return rows.length > 0;
  }

  async holderOf(mentionId: string, manager?: EntityManager): Promise<ClaimHolder | undefined> {
    const rows: Array<{ user_id: string; name: string; claim_expires_at: Date }> = await (
      manager ?? this.dataSource
    ).query(
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
