/**
 * What the audit trail records. Adding an action means adding it here; the repository and the
 * `GET /api/audit` filter take their types from this list.
 */
export const AUDIT_ACTIONS = [
  'mention.claimed',
  'mention.released',
  'mention.reassigned',
  'mention.status_changed',
  'mention.tags_changed',
  'mention.note_added',
  'mention.escalated',
  'incident.acknowledged',
  'incident.resolved',
  'incident.owner_changed',
  'reply.queued',
  'reply.approved',
  'reply.rejected',
  'reply.sent',
  'reply.failed',
  'reply.retried',
  'settings.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** One audit entry as managers read it. `details` never holds secrets or credentials. */
export interface AuditEntryView {
  id: number;
  at: string;
  /** Null for the system (an expired lease, a sweeper) or a user since deleted. */
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  mentionId: string | null;
  /** What else the entry is about: a setting's name, a reply's id, a note's id. */
  subject: string | null;
  details: Record<string, unknown>;
}
