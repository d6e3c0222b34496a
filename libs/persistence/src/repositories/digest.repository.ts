import type { DataSource } from 'typeorm';
import type { DigestSummary, DigestView, IncidentStatus } from '@lp/domain';
import { SLA_OPEN_SQL } from './sla-sql';

interface DigestRow {
  id: string;
  created_at: Date;
  created_by: string | null;
  summary: DigestSummary;
}

const toView = (r: DigestRow): DigestView => ({
  id: r.id,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  summary: r.summary,
});

/** Shift handover digests: the summary is computed in SQL and stored, so a digest reads the same later. */
export class DigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summarise(since: Date, until: Date): Promise<DigestSummary> {
    const [volume]: Array<{ mentions: number; negative: number; neutral: number; positive: number }> =
      await this.dataSource.query(
        `SELECT COALESCE(sum(mentions), 0)::int AS mentions,
           COALESCE(sum(mentions) FILTER (WHERE sentiment = 'negative'), 0)::int AS negative,
           COALESCE(sum(mentions) FILTER (WHERE sentiment = 'neutral'), 0)::int AS neutral,
           COALESCE(sum(mentions) FILTER (WHERE sentiment = 'positive'), 0)::int AS positive
         FROM mention_minutes WHERE minute >= date_trunc('minute', $1::timestamptz, 'UTC') AND minute < $2`,
        [since, until],
      );
    const open: Array<{ id: string; title: string; status: IncidentStatus; opened_at: Date }> =
      await this.dataSource.query(
        `SELECT id, title, status, opened_at FROM incidents WHERE resolved_at IS NULL ORDER BY opened_at DESC LIMIT 50`,
      );
    const [counts]: Array<{ opened: number; breaches: number; critical: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM incidents WHERE opened_at >= $1 AND opened_at < $2) AS opened,
         (SELECT count(*)::int FROM mentions WHERE sla_breached_at >= $1 AND sla_breached_at < $2) AS breaches,
         (SELECT count(*)::int FROM mentions WHERE ${SLA_OPEN_SQL} AND urgency_level = 'critical') AS critical`,
      [since, until],
    );
    return {
      periodStart: since.toISOString(),
      periodEnd: until.toISOString(),
      mentions: volume?.mentions ?? 0,
      sentiment: {
        negative: volume?.negative ?? 0,
        neutral: volume?.neutral ?? 0,
        positive: volume?.positive ?? 0,
      },
      openIncidents: open.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        openedAt: new Date(r.opened_at).toISOString(),
      })),
      incidentsOpened: counts?.opened ?? 0,
      slaBreaches: counts?.breaches ?? 0,
      unansweredCritical: counts?.critical ?? 0,
    };
  }

  /** A scheduled digest is stored once per period end (unique index); undefined when another worker made it. */
  async insert(summary: DigestSummary, createdBy: string | null, scheduled: boolean): Promise<DigestView | undefined> {
    const rows: DigestRow[] = await this.dataSource.query(
      `INSERT INTO digests (period_start, period_end, scheduled, summary, created_by) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (period_end) WHERE scheduled DO NOTHING RETURNING id, created_at, created_by, summary`,
      [summary.periodStart, summary.periodEnd, scheduled, JSON.stringify(summary), createdBy],
    );
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async list(limit: number): Promise<DigestView[]> {
    const rows: DigestRow[] = await this.dataSource.query(
      'SELECT id, created_at, created_by, summary FROM digests ORDER BY created_at DESC LIMIT $1',
      [limit],
    );
    return rows.map(toView);
  }
}
