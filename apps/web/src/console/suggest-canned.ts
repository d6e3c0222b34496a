import type { CannedResponseView, MentionView } from '@lp/domain';

const WORD = /[\p{L}\p{N}]{3,}/gu;

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w)));
}

const STOP = new Set(['the', 'and', 'you', 'your', 'for', 'are', 'with', 'this', 'that', 'have', 'our', 'but', 'not']);

/**
 * Canned responses ranked for a mention: the topic named in the response's name or body counts
 * most, then words shared with the mention. Only responses that share something are suggested.
 */
export function suggestCanned(
  canned: readonly CannedResponseView[],
  mention: MentionView,
  limit: number,
): CannedResponseView[] {
  const mentionWords = words(mention.text);
  const scored = canned.map((c) => {
    const own = words(`${c.name} ${c.body}`);
    let score = own.has(mention.topic.toLowerCase()) ? 5 : 0;
    for (const w of own) if (mentionWords.has(w)) score += 1;
    return { c, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map((s) => s.c);
}
