import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditEntryView } from '@lp/domain';

/** What a caller records. `details` must never hold secrets, credentials or tokens. */
export interface AuditEntryInput {
  /** Null for the system (an expired lease, a sweeper). */
  actorId: string | null;
  action: AuditAction;
  mentionId?: string | null;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditListQuery {
  actorId?: string;
  action?: AuditAction;
  mentionId?: string;
  /** At or after. */
  since?: Date;
  /** Before. */
  until?: Date;
  limit: number;
  /** Paging back: entries older than this id, newest first. */
  beforeId?: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  mention_id: string | null;
  subject: string | null;
  details: Record<string, unknown>;
}

/** The append-only trail of who did what. Nothing here updates or deletes an entry. */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the entry commits (or rolls back) with the change it describes. */
  async record(entry: AuditEntryInput, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO audit_log (actor_id, action, mention_id, subject, details) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [
        entry.actorId,
        entry.action,
        entry.mentionId ?? null,
        entry.subject ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  async list(query: AuditListQuery): Promise<AuditEntryView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.actorId) add((p) => `a.actor_id = ${p}`, query.actorId);
    if (query.action) add((p) => `a.action = ${p}`, query.action);
    if (query.mentionId) add((p) => `a.mention_id = ${p}`, query.mentionId);
    if (query.since) add((p) => `a.at >= ${p}`, query.since);
    if (query.until) add((p) => `a.at < ${p}`, query.until);
    if (query.beforeId !== undefined) add((p) => `a.id < ${p}`, query.beforeId);
    params.push(query.limit);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toAuditView);
  }
}

function toAuditView(row: AuditRow): AuditEntryView {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    mentionId: row.mention_id,
    subject: row.subject,
    details: row.details,
  };
}
