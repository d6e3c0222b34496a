import type { DataSource, EntityManager } from 'typeorm';
import { URGENCY_LEVELS, type SlaCounts, type SlaSummary, type SlaTargets, type UrgencyLevel } from '@lp/domain';
import { SLA_OPEN_SQL, slaDueAtSql } from './sla-sql';

/** The SLA clock on mentions: deadlines after a target edit, breach marking, and the summary. */
export class SlaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * New targets apply to every mention still waiting and not yet breached; breached and answered
   * ones keep the deadline they had, as history. The table lock (which still allows reads) waits
   * for ingest batches under way and holds back new ones until commit, so no batch can slip in
   * with the old targets after the recompute.
   */
  async applyTargets(targets: SlaTargets, manager: EntityManager): Promise<number> {
    await manager.query('LOCK TABLE mentions IN SHARE ROW EXCLUSIVE MODE');
    const [, affected] = (await manager.query(
      `UPDATE mentions SET sla_due_at = ${slaDueAtSql('posted_at', 'urgency_level', '$1::jsonb')}
       WHERE ${SLA_OPEN_SQL} AND sla_breached_at IS NULL`,
      [JSON.stringify(targets)],
    )) as [unknown, number];
    return affected;
  }

  /**
   * Marks up to `limit` overdue open mentions breached and returns their ids. Each is marked once,
   * whatever the number of workers: the UPDATE re-checks `sla_breached_at IS NULL` on the locked
   * row, and SKIP LOCKED lets concurrent sweeps share the work instead of queueing behind each other.
   */
  async markBreaches(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM mentions
         WHERE ${SLA_OPEN_SQL} AND sla_breached_at IS NULL AND sla_due_at <= now()
         ORDER BY sla_due_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       breached AS (
         UPDATE mentions m SET sla_breached_at = now() FROM due
         WHERE m.id = due.id AND m.sla_breached_at IS NULL
         RETURNING m.id)
       SELECT id FROM breached`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async summary(range: { since: Date; until: Date }, targetsS: SlaTargets): Promise<SlaSummary> {
    const byLevel: Array<{ urgency_level: UrgencyLevel; open: number; breaching: number }> =
      await this.dataSource.query(
        `SELECT urgency_level, count(*)::int AS open,
           count(*) FILTER (WHERE sla_breached_at IS NOT NULL OR sla_due_at <= now())::int AS breaching
         FROM mentions WHERE ${SLA_OPEN_SQL} GROUP BY urgency_level`,
      );
    const breaches: Array<{ urgency_level: UrgencyLevel; n: number }> = await this.dataSource.query(
      `SELECT urgency_level, count(*)::int AS n FROM mentions
       WHERE sla_breached_at >= $1 AND sla_breached_at < $2 GROUP BY urgency_level`,
      [range.since, range.until],
    );
    const [oldest]: Array<{
      id: string;
      urgency_level: UrgencyLevel;
      posted_at: Date;
      sla_due_at: Date | null;
      waiting_s: number;
    }> = await this.dataSource.query(
      `SELECT id, urgency_level, posted_at, sla_due_at, extract(epoch FROM now() - posted_at)::int AS waiting_s
       FROM mentions WHERE ${SLA_OPEN_SQL} ORDER BY posted_at LIMIT 1`,
    );
    return {
      open: countsOf(byLevel.map((r) => [r.urgency_level, r.open])),
      breaching: countsOf(byLevel.map((r) => [r.urgency_level, r.breaching])),
      oldestWaiting: oldest
        ? {
            mentionId: oldest.id,
            urgencyLevel: oldest.urgency_level,
            postedAt: new Date(oldest.posted_at).toISOString(),
            waitingS: Math.max(0, oldest.waiting_s),
            dueAt: oldest.sla_due_at ? new Date(oldest.sla_due_at).toISOString() : null,
          }
        : null,
      breaches: {
        ...countsOf(breaches.map((r) => [r.urgency_level, r.n])),
        since: range.since.toISOString(),
        until: range.until.toISOString(),
      },
      targetsS,
    };
  }
}

/** Every level present (zero when it had no rows), plus the total. */
export function countsOf(pairs: Array<[UrgencyLevel, number]>): SlaCounts {
  const counts = { total: 0, ...Object.fromEntries(URGENCY_LEVELS.map((l) => [l, 0])) } as SlaCounts;
  for (const [level, n] of pairs) {
    counts[level] += n;
    counts.total += n;
  }
  return counts;
}
