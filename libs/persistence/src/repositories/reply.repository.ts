import type { DataSource, EntityManager } from 'typeorm';
import type { Platform, ReplyStatus, ReplyView } from '@lp/domain';

interface ReplyRow {
  id: string;
  mention_id: string;
  platform: Platform;
  author_id: string;
  author_name: string;
  request_hash: string;
  text: string;
  status: ReplyStatus;
  platform_reply_id: string | null;
  platform_url: string | null;
  failure_reason: string | null;
  outcome_unknown: boolean;
  attempts: number;
  send_round: number;
  canned_response_id: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  rejected_reason: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  source_solution_id: string | null;
  source_solution_slug: string | null;
  view_updated_at: Date;
}

/** A reply as the repository hands it out: the view, plus what only the server needs. */
export interface StoredReply {
  view: ReplyView;
  requestHash: string;
  /** Bumped by every retry, so each round of sending gets a queue job of its own. */
  sendRound: number;
}

export interface NewReply {
  mentionId: string;
  authorId: string;
  idempotencyKey: string;
  requestHash: string;
  text: string;
  status: Extract<ReplyStatus, 'pending_approval' | 'queued'>;
  cannedResponseId: string | null;
}

/**
 * The solution saved from a reply comes from solutions.source_reply_id (unique, so the join adds no
 * rows); replies.solution_id also names solutions a reply merely linked to. Saving one does not
 * touch the reply's row, so the view's updatedAt counts it: a screen's merge takes the newer view.
 */
const SELECT_REPLY = `
  SELECT r.*, m.platform, u.name AS author_name, s.id AS source_solution_id, s.slug AS source_solution_slug,
    GREATEST(r.updated_at, s.created_at) AS view_updated_at
  FROM replies r JOIN mentions m ON m.id = r.mention_id JOIN users u ON u.id = r.author_id
  LEFT JOIN solutions s ON s.source_reply_id = r.id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toStored(row: ReplyRow): StoredReply {
  return {
    requestHash: row.request_hash,
    sendRound: row.send_round,
    view: {
      id: row.id,
      mentionId: row.mention_id,
      platform: row.platform,
      authorId: row.author_id,
      authorName: row.author_name,
      text: row.text,
      status: row.status,
      platformReplyId: row.platform_reply_id,
      platformUrl: row.platform_url,
      failureReason: row.failure_reason,
      outcomeUnknown: row.outcome_unknown,
      attempts: row.attempts,
      cannedResponseId: row.canned_response_id,
      approvedBy: row.approved_by,
      approvedAt: iso(row.approved_at),
      rejectedReason: row.rejected_reason,
      solution:
        row.source_solution_id && row.source_solution_slug
          ? { id: row.source_solution_id, slug: row.source_solution_slug }
          : null,
      createdAt: iso(row.created_at)!,
      updatedAt: iso(row.view_updated_at)!,
      sentAt: iso(row.sent_at),
    },
  };
}

/**
 * Every state change is one conditional UPDATE: the WHERE names the state it leaves, so of two
 * workers (or a worker and a person) exactly one moves a reply, and the other sees it did not.
 */
export class ReplyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless the author already used this key; either way returns the reply stored under it. */
  async insertOnce(reply: NewReply): Promise<{ stored: StoredReply; inserted: boolean }> {
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO replies (mention_id, author_id, idempotency_key, request_hash, text, status, canned_response_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT replies_author_idempotency_key DO NOTHING
       RETURNING id`,
      [
        reply.mentionId,
        reply.authorId,
        reply.idempotencyKey,
        reply.requestHash,
        reply.text,
        reply.status,
        reply.cannedResponseId,
      ],
    );
    const stored = inserted[0]
      ? await this.get(inserted[0].id)
      : await this.findByKey(reply.authorId, reply.idempotencyKey);
    if (!stored) throw new Error(`reply under key ${reply.idempotencyKey} vanished after insert`);
    return { stored, inserted: inserted.length > 0 };
  }

  async findByKey(authorId: string, idempotencyKey: string): Promise<StoredReply | undefined> {
    const rows: ReplyRow[] = await this.dataSource.query(
      `${SELECT_REPLY} WHERE r.author_id = $1 AND r.idempotency_key = $2`,
      [authorId, idempotencyKey],
    );
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async get(id: string): Promise<StoredReply | undefined> {
    const rows: ReplyRow[] = await this.dataSource.query(`${SELECT_REPLY} WHERE r.id = $1`, [id]);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async listForMention(mentionId: string): Promise<ReplyView[]> {
    const rows: ReplyRow[] = await this.dataSource.query(
      `${SELECT_REPLY} WHERE r.mention_id = $1 ORDER BY r.created_at`,
      [mentionId],
    );
    return rows.map((r) => toStored(r).view);
  }

  async list(query: { status?: ReplyStatus; limit: number }): Promise<ReplyView[]> {
    const rows: ReplyRow[] = await this.dataSource.query(
      `${SELECT_REPLY} WHERE ($1::text IS NULL OR r.status = $1) ORDER BY r.created_at DESC LIMIT $2`,
      [query.status ?? null, query.limit],
    );
    return rows.map((r) => toStored(r).view);
  }

  /** A volunteer's draft, approved: it joins the send queue. */
  approve(id: string, approverId: string): Promise<boolean> {
    return this.transition(id, 'pending_approval', `status = 'queued', approved_by = $2, approved_at = now()`, [
      approverId,
    ]);
  }

  reject(id: string, reason: string, approverId: string): Promise<boolean> {
    return this.transition(
      id,
      'pending_approval',
      `status = 'rejected', rejected_reason = $2, approved_by = $3, approved_at = now()`,
      [reason, approverId],
    );
  }

  /** A person sends a failed reply again: a new round, so it gets a queue job of its own. */
  retry(id: string): Promise<boolean> {
    return this.transition(
      id,
      'failed',
      `status = 'queued', send_round = send_round + 1, failure_reason = NULL, outcome_unknown = false`,
    );
  }

  /** One worker takes a queued reply to send it; false if it is not queued (already taken or done). */
  takeForSending(id: string): Promise<boolean> {
    return this.transition(id, 'queued', `status = 'sending', attempts = attempts + 1`);
  }

  /** The platform asked us to wait: the reply goes back to the queue untouched. */
  putBack(id: string, reason: string): Promise<boolean> {
    return this.transition(id, 'sending', `status = 'queued', failure_reason = $2`, [reason]);
  }

  markFailed(id: string, reason: string, outcomeUnknown: boolean): Promise<boolean> {
    return this.transition(id, 'sending', `status = 'failed', failure_reason = $2, outcome_unknown = $3`, [
      reason,
      outcomeUnknown,
    ]);
  }

  /**
   * Posted: records the platform's id and link, and in the same transaction marks the mention
   * replied (which stops its first-response clock) and ends the claim on it.
   */
  async markSent(id: string, posted: { externalId: string; url: string }): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const moved = await this.transition(
        id,
        'sending',
        `status = 'sent', platform_reply_id = $2, platform_url = $3, sent_at = now(), failure_reason = NULL`,
        [posted.externalId, posted.url],
        tx,
      );
      if (moved) {
        await tx.query(
          `UPDATE mentions SET status = 'replied', first_response_at = COALESCE(first_response_at, now()),
             claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL
           WHERE id = (SELECT mention_id FROM replies WHERE id = $1)`,
          [id],
        );
      }
      return moved;
    });
  }

  /** Queued replies whose job may have been lost (Redis restarted before the job was saved). */
  async stuckInQueue(olderThanS: number): Promise<StoredReply[]> {
    const rows: ReplyRow[] = await this.dataSource.query(
      `${SELECT_REPLY} WHERE r.status = 'queued' AND r.updated_at < now() - make_interval(secs => $1) LIMIT 500`,
      [olderThanS],
    );
    return rows.map(toStored);
  }

  private async transition(
    id: string,
    from: ReplyStatus,
    set: string,
    params: unknown[] = [],
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<boolean> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH moved AS (
         UPDATE replies SET ${set}, updated_at = now() WHERE id = $1 AND status = $${params.length + 2} RETURNING id)
       SELECT id FROM moved`,
      [id, ...params, from],
    );
    return rows.length > 0;
  }
}
