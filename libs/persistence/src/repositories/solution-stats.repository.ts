import type { DataSource } from 'typeorm';
import type { ReplyOutcome, SolutionStats } from '@lp/domain';

/** A reply carries a solution when it was linked, or when its text holds the solution's public link. */
const CARRIES = `(r.solution_id = s.id OR strpos(r.text, '/s/' || s.slug) > 0)`;

/** Read-only figures for managers. Each is one query; none runs on a hot path. */
export class SolutionStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest verdict per reply, counted by outcome. */
  async outcomeCounts(since: Date): Promise<Record<ReplyOutcome, number>> {
    const rows: Array<{ outcome: ReplyOutcome; n: string }> = await this.dataSource.query(
      `SELECT outcome, count(*) AS n FROM (
         SELECT DISTINCT ON (reply_id) outcome FROM reply_outcomes WHERE created_at >= $1
         ORDER BY reply_id, created_at DESC) latest
       GROUP BY outcome`,
      [since],
    );
    const counts: Record<ReplyOutcome, number> = { confirmed: 0, failed: 0, unclear: 0 };
    for (const r of rows) counts[r.outcome] = Number(r.n);
    return counts;
  }

  async mostReused(limit: number): Promise<SolutionStats['mostReused']> {
    const rows: Array<{ id: string; slug: string; title: string; uses: string; worked_count: number }> =
      await this.dataSource.query(
        `SELECT s.id, s.slug, s.title, s.worked_count, count(r.id) AS uses
         FROM solutions s JOIN replies r ON r.status = 'sent' AND ${CARRIES}
         GROUP BY s.id ORDER BY uses DESC, s.worked_count DESC LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      uses: Number(r.uses),
      workedCount: r.worked_count,
    }));
  }

  /** Solutions with more failures than successes, at least two of them. */
  async keepsFailing(limit: number): Promise<SolutionStats['keepsFailing']> {
    const rows: Array<{ id: string; slug: string; title: string; worked_count: number; failed_count: number }> =
      await this.dataSource.query(
        `SELECT id, slug, title, worked_count, failed_count FROM solutions
         WHERE failed_count >= 2 AND failed_count > worked_count
         ORDER BY failed_count - worked_count DESC, failed_count DESC LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      workedCount: r.worked_count,
      failedCount: r.failed_count,
    }));
  }

  /** Texts of mentions answered without any solution, newest first, for the "answered often, no solution" list. */
  async answeredWithoutSolution(since: Date, limit: number): Promise<Array<{ topic: string; text: string }>> {
    return this.dataSource.query(
      `SELECT m.topic, m.text FROM replies r JOIN mentions m ON m.id = r.mention_id
       WHERE r.status = 'sent' AND r.sent_at >= $1 AND r.solution_id IS NULL AND strpos(r.text, '/s/') = 0
       ORDER BY r.sent_at DESC LIMIT $2`,
      [since, limit],
    );
  }
}
