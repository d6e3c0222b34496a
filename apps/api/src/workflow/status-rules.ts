import { isSupervisor, type MentionStatus, type Role } from '@lp/domain';

/** What a person may set by hand; `claimed` comes from claiming and `replied` from a sent reply. */
export const SETTABLE_STATUSES = ['new', 'resolved', 'ignored'] as const satisfies readonly MentionStatus[];
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export type StatusDecision =
  | { kind: 'change' }
  | { kind: 'unchanged' }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'held'; holder: { userId: string; name: string } };

/**
 * Who may move a mention to `to`: managers and admins always; anyone else only a mention they hold
 * or that nobody holds; volunteers never close one (they work under approval).
 */
export function decideStatusChange(
  current: { status: MentionStatus; holder: { userId: string; name: string } | null },
  actor: { id: string; role: Role },
  to: SettableStatus,
): StatusDecision {
  if (actor.role === 'volunteer' && to !== 'new') {
    return { kind: 'forbidden', reason: 'volunteers cannot resolve or ignore mentions' };
  }
  if (!isSupervisor(actor.role) && current.holder && current.holder.userId !== actor.id) {
    return { kind: 'held', holder: current.holder };
  }
  // A claimed mention set to `new` is a change even though the claim may be the actor's own: it is given back.
  return current.status === to ? { kind: 'unchanged' } : { kind: 'change' };
}
