import type { ReplyView } from '@lp/domain';

/**
 * A mention's replies with one more state of one of them. The api and the worker both publish
 * reply changes, and a fetch can race an event: the most recently updated state wins.
 */
export function mergeReply(known: readonly ReplyView[], reply: ReplyView): ReplyView[] {
  const current = known.find((r) => r.id === reply.id);
  if (current && current.updatedAt >= reply.updatedAt) return known as ReplyView[];
  return [...known.filter((r) => r.id !== reply.id), reply].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
