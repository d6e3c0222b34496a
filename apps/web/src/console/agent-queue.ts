import type { MentionView, Platform, UrgencyLevel } from '@lp/domain';

export interface QueueFilters {
  platform: Platform | 'all';
  topic: string | 'all';
  level: UrgencyLevel | 'all';
  /** A language code ("es", "und" for unknown), or every language. */
  lang: string | 'all';
  /** 'mine': claimed by me; 'unclaimed': nobody holds it; 'all': open mentions. */
  scope: 'all' | 'mine' | 'unclaimed';
}

export const DEFAULT_FILTERS: QueueFilters = { platform: 'all', topic: 'all', level: 'all', lang: 'all', scope: 'all' };

/** Mentions still waiting for someone: new, or claimed but not yet answered. */
export function isOpen(m: MentionView): boolean {
  return m.status === 'new' || m.status === 'claimed';
}

/**
 * The agent's queue: open mentions matching the filters, most urgent first, then longest waiting
 * (oldest posted) first, so equal urgency is served in arrival order.
 */
export function agentQueue(mentions: readonly MentionView[], filters: QueueFilters, userId: string): MentionView[] {
  const queue = mentions.filter(
    (m) =>
      isOpen(m) &&
      (filters.platform === 'all' || m.platform === filters.platform) &&
      (filters.topic === 'all' || m.topic === filters.topic) &&
      (filters.level === 'all' || m.urgencyLevel === filters.level) &&
      (filters.lang === 'all' || m.lang === filters.lang) &&
      (filters.scope === 'all' || (filters.scope === 'mine' ? m.claim?.userId === userId : m.claim === null)),
  );
  return queue.sort(
    (a, b) => b.urgency - a.urgency || (a.postedAt < b.postedAt ? -1 : a.postedAt > b.postedAt ? 1 : 0),
  );
}

/** Topics present in the store, for the filter menu. */
export function topicsOf(mentions: readonly MentionView[]): string[] {
  return [...new Set(mentions.map((m) => m.topic))].sort();
}

/** Languages present in the store, for the filter menu (with the server's recent ones). */
export function languagesOf(mentions: readonly MentionView[]): string[] {
  return [...new Set(mentions.map((m) => m.lang))];
}

/** The author's other mentions on the same platform, newest first: their history with us. */
export function authorHistory(mentions: readonly MentionView[], of: MentionView, limit = 20): MentionView[] {
  const out: MentionView[] = [];
  for (const m of mentions) {
    if (m.id !== of.id && m.platform === of.platform && m.author.externalId === of.author.externalId) out.push(m);
    if (out.length >= limit) break;
  }
  return out;
}

/** Waiting time as a person reads it: "45s", "12m", "3h 5m", "2d". */
export function waited(fromIso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3_600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3_600)}h ${Math.floor((s % 3_600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d`;
}
