import type { DataSource } from 'typeorm';
import type { ReplyOutcome, SentimentLabel } from '@lp/domain';
import { recountSolution } from './solution.repository';

/** A customer's message answering one of our sent replies, not yet judged. */
export interface PendingFollowUp {
  mentionId: string;
  text: string;
  sentiment: SentimentLabel;
  sentimentScore: number;
  replyId: string;
  replyText: string;
  solutionId: string | null;
}

export interface OutcomeInput {
  replyId: string;
  followUpMentionId: string;
  solutionId: string | null;
  outcome: ReplyOutcome;
  score: number;
  reasons: string[];
}

/** How far back a follow-up is looked for: older answers to our replies are history, not news. */
const LOOKBACK_DAYS = 14;

export class ReplyOutcomeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Mentions that answer a sent reply of ours on the same platform and have no verdict yet. Found
   * from the database, not from the ingest stream, so a follow-up that arrives before its reply is
   * marked sent, or while no worker runs, is still judged later.
   */
  async pending(limit = 200): Promise<PendingFollowUp[]> {
    const rows: Array<{
      mention_id: string;
      text: string;
      sentiment: SentimentLabel;
      sentiment_score: number;
      reply_id: string;
      reply_text: string;
      solution_id: string | null;
    }> = await this.dataSource.query(
      `SELECT f.id AS mention_id, f.text, f.sentiment, f.sentiment_score,
              r.id AS reply_id, r.text AS reply_text, r.solution_id
       FROM mentions f
       JOIN replies r ON r.platform_reply_id = f.in_reply_to_external_id AND r.status = 'sent'
       JOIN mentions original ON original.id = r.mention_id AND original.platform = f.platform
       LEFT JOIN reply_outcomes o ON o.follow_up_mention_id = f.id
       WHERE f.in_reply_to_external_id IS NOT NULL AND o.id IS NULL
         AND f.ingested_at > now() - make_interval(days => $2)
       ORDER BY f.ingested_at
       LIMIT $1`,
      [limit, LOOKBACK_DAYS],
    );
    return rows.map((r) => ({
      mentionId: r.mention_id,
      text: r.text,
      sentiment: r.sentiment,
      sentimentScore: r.sentiment_score,
      replyId: r.reply_id,
      replyText: r.reply_text,
      solutionId: r.solution_id,
    }));
  }

  /** Stores the verdict once per follow-up (a second worker's insert is a no-op) and recounts the solution. */
  async record(input: OutcomeInput): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const inserted: Array<{ id: string }> = await tx.query(
        `INSERT INTO reply_outcomes (reply_id, solution_id, follow_up_mention_id, outcome, score, reasons)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (follow_up_mention_id) DO NOTHING RETURNING id`,
        [input.replyId, input.solutionId, input.followUpMentionId, input.outcome, input.score, input.reasons],
      );
      if (inserted.length === 0) return false;
      if (input.solutionId) {
        // A reply that linked a solution only in its text is tied to it now, for the reuse counts.
        await tx.query(
          `WITH linked AS (UPDATE replies SET solution_id = $2 WHERE id = $1 AND solution_id IS NULL RETURNING id)
           SELECT id FROM linked`,
          [input.replyId, input.solutionId],
        );
        await recountSolution(tx, input.solutionId);
      }
      return true;
    });
  }

  async solutionIdBySlug(slug: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM solutions WHERE slug = $1`, [slug]);
    return rows[0]?.id ?? null;
  }
}
