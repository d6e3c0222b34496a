import type { EntityManager } from 'typeorm';
import type { MentionStatus } from '@lp/domain';

/** A mention's workflow state, read under a row lock so the caller's decision and write are one step. */
export interface LockedMention {
  id: string;
  status: MentionStatus;
  /** Whoever holds a live claim; an expired lease counts as nobody. */
  holder: { userId: string; name: string } | null;
  tags: string[];
}

interface LockedRow {
  id: string;
  status: MentionStatus;
  holder_id: string | null;
  holder_name: string | null;
  tags: string[];
}

/**
 * Status, tags and assignment changes. Every method takes the transaction's manager: the service
 * locks the row, applies its rules, writes, and records the audit entry in the same transaction.
 */
export class MentionWorkflowRepository {
  async lock(mentionId: string, manager: EntityManager): Promise<LockedMention | undefined> {
    const rows: LockedRow[] = await manager.query(
      `SELECT m.id, m.status, m.tags,
         CASE WHEN m.claim_expires_at > now() THEN m.claimed_by END AS holder_id,
         CASE WHEN m.claim_expires_at > now() THEN u.name END AS holder_name
       FROM mentions m LEFT JOIN users u ON u.id = m.claimed_by
       WHERE m.id = $1 FOR UPDATE OF m`,
      [mentionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      status: row.status,
      tags: row.tags,
      holder: row.holder_id ? { userId: row.holder_id, name: row.holder_name ?? '' } : null,
    };
  }

  /** Any status change ends the claim: a resolved or reopened mention is nobody's. */
  async setStatus(mentionId: string, status: MentionStatus, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mentions SET status = $2, claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL WHERE id = $1`,
      [mentionId, status],
    );
  }

  async setTags(mentionId: string, tags: string[], manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE mentions SET tags = $2::text[] WHERE id = $1`, [mentionId, tags]);
  }

  /** Gives the claim to `userId` with a fresh lease, whoever held it. Returns the new expiry. */
  async assign(mentionId: string, userId: string, leaseS: number, manager: EntityManager): Promise<string> {
    const rows: Array<{ claim_expires_at: Date }> = await manager.query(
      `WITH assigned AS (
         UPDATE mentions SET claimed_by = $2, claimed_at = now(),
           claim_expires_at = now() + make_interval(secs => $3), status = 'claimed'
         WHERE id = $1
         RETURNING claim_expires_at)
       SELECT * FROM assigned`,
      [mentionId, userId, leaseS],
    );
    return new Date(rows[0]!.claim_expires_at).toISOString();
  }
}
