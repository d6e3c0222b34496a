import type { DataSource } from 'typeorm';
import { recountSolution } from './solution.repository';

export interface FeedbackVote {
  solutionId: string;
  /** Keyed hash of the visitor cookie. */
  visitorHash: string;
  /** Keyed hash of IP + user agent: catches a visitor who dropped the cookie. */
  clientHash: string;
  worked: boolean;
  comment: string | null;
}

export interface PublicComment {
  worked: boolean;
  comment: string;
  createdAt: string;
}

/**
 * Votes from the public page. A visitor is recognised by either hash; a second vote from them
 * replaces the first (they may change their mind) instead of counting again.
 */
export class SolutionFeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records or replaces the visitor's vote and recounts the solution; 'updated' when it replaced one. */
  async vote(vote: FeedbackVote): Promise<'created' | 'updated'> {
    return this.dataSource.transaction(async (tx) => {
      // Serialises votes on one solution, so two tabs of one visitor cannot both insert.
      await tx.query(`SELECT id FROM solutions WHERE id = $1 FOR UPDATE`, [vote.solutionId]);
      const updated: Array<{ id: string }> = await tx.query(
        `WITH changed AS (
           UPDATE solution_feedback SET worked = $4, comment = COALESCE($5, comment), updated_at = now()
           WHERE id = (SELECT id FROM solution_feedback
                       WHERE solution_id = $1 AND (visitor_hash = $2 OR client_hash = $3)
                       ORDER BY (visitor_hash = $2) DESC LIMIT 1)
           RETURNING id)
         SELECT id FROM changed`,
        [vote.solutionId, vote.visitorHash, vote.clientHash, vote.worked, vote.comment],
      );
      let outcome: 'created' | 'updated' = 'updated';
      if (updated.length === 0) {
        await tx.query(
          `INSERT INTO solution_feedback (solution_id, visitor_hash, client_hash, worked, comment)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [vote.solutionId, vote.visitorHash, vote.clientHash, vote.worked, vote.comment],
        );
        outcome = 'created';
      }
      await recountSolution(tx, vote.solutionId);
      return outcome;
    });
  }

  /** The newest comments, to show on the page (escaped by the renderer). */
  async comments(solutionId: string, limit = 20): Promise<PublicComment[]> {
    const rows: Array<{ worked: boolean; comment: string; updated_at: Date }> = await this.dataSource.query(
      `SELECT worked, comment, updated_at FROM solution_feedback
       WHERE solution_id = $1 AND comment IS NOT NULL AND comment <> ''
       ORDER BY updated_at DESC LIMIT $2`,
      [solutionId, limit],
    );
    return rows.map((r) => ({ worked: r.worked, comment: r.comment, createdAt: new Date(r.updated_at).toISOString() }));
  }
}
