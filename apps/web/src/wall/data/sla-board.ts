import type { MentionView, SlaSummary, UrgencyLevel } from '@lp/domain';

export interface SlaBoard {
  open: number;
  breaching: number;
  oldest: { mentionId: string; urgencyLevel: UrgencyLevel; waitingS: number } | null;
  /** Where the figures come from: the server's summary (every open mention) or this screen's store (recent ones). */
  basis: 'server' | 'store';
}

/** Open means waiting for a first answer: new or claimed, nothing sent yet. */
function isOpen(m: MentionView): boolean {
  return (m.status === 'new' || m.status === 'claimed') && m.firstResponseAt === null;
}

/** The server's summary, with the oldest wait moved on by the time since it was fetched. */
export function slaBoardFromSummary(summary: SlaSummary, fetchedAt: number, now: number): SlaBoard {
  const oldest = summary.oldestWaiting;
  return {
    open: summary.open.total,
    breaching: summary.breaching.total,
    oldest: oldest
      ? {
          mentionId: oldest.mentionId,
          urgencyLevel: oldest.urgencyLevel,
          waitingS: oldest.waitingS + Math.max(0, (now - fetchedAt) / 1000),
        }
      : null,
    basis: 'server',
  };
}

/** The same figures from the mentions this screen holds, when the summary cannot be had. One pass. */
export function slaBoardFromMentions(mentions: readonly MentionView[], now: number): SlaBoard {
  const nowIso = new Date(now).toISOString();
  let open = 0;
  let breaching = 0;
  let oldest: MentionView | undefined;
  for (const m of mentions) {
    if (!isOpen(m)) continue;
    open++;
    if (m.sla && (m.sla.breached || m.sla.dueAt < nowIso)) breaching++;
    if (!oldest || m.postedAt < oldest.postedAt) oldest = m;
  }
  return {
    open,
    breaching,
    oldest: oldest
      ? {
          mentionId: oldest.id,
          urgencyLevel: oldest.urgencyLevel,
          waitingS: Math.max(0, (now - Date.parse(oldest.postedAt)) / 1000),
        }
      : null,
    basis: 'store',
  };
}
