import type { MentionView } from '@lp/domain';

/** Waiting for someone to pick it up: nobody holds it and nobody has answered or closed it. */
export function isUnclaimed(m: MentionView): boolean {
  return m.status === 'new' && m.claim === null;
}

/** More urgent first; of equals, the one waiting longer (posted earlier). */
function moreUrgent(a: MentionView, b: MentionView): boolean {
  if (a.urgency !== b.urgency) return a.urgency > b.urgency;
  return a.postedAt < b.postedAt;
}

export interface UnclaimedQueue {
  /** The most urgent unclaimed mentions, most urgent first. */
  top: MentionView[];
  /** Critical and unclaimed, for the alerts panel. */
  critical: number;
  oldestCriticalAt: string | null;
}

/**
 * The queue nobody has picked up: the `limit` most urgent, and how many critical ones wait. One
 * pass over the store with a small sorted buffer (no sort of 100,000 items), serving both the
 * urgent panel and the alerts.
 */
export function unclaimedQueue(mentions: readonly MentionView[], limit: number): UnclaimedQueue {
  const top: MentionView[] = [];
  let critical = 0;
  let oldestCriticalAt: string | null = null;
  for (const m of mentions) {
    if (!isUnclaimed(m)) continue;
    if (m.urgencyLevel === 'critical') {
      critical++;
      if (oldestCriticalAt === null || m.postedAt < oldestCriticalAt) oldestCriticalAt = m.postedAt;
    }
    if (limit <= 0 || (top.length === limit && !moreUrgent(m, top[top.length - 1]!))) continue;
    let i = top.length;
    while (i > 0 && moreUrgent(m, top[i - 1]!)) i--;
    top.splice(i, 0, m);
    if (top.length > limit) top.pop();
  }
  return { top, critical, oldestCriticalAt };
}
