import { createHash } from 'node:crypto';
import type { RawMention } from '@lp/domain';
import type { ParsedFeed, ParsedFeedItem } from './feed-parser';
import { truncate } from './html-text';

/** Snippets are teasers for triage, not articles; the full text is one click away. */
export const SNIPPET_MAX_CHARS = 1_000;
const TITLE_MAX_CHARS = 300;

/**
 * The item's stable key: its guid/id, else a hash of link and title. The `h:` prefix keeps a hash from ever
 * equalling a publisher's guid.
 */
export function feedItemKey(item: ParsedFeedItem): string {
  if (item.guid) return item.guid;
  const digest = createHash('sha256')
    .update(`${item.link ?? ''}\n${item.title}`)
    .digest('hex');
  return `h:${digest}`;
}

export function feedItemToMention(
  item: ParsedFeedItem,
  feed: ParsedFeed,
  sourceId: string | null,
  now: Date = new Date(),
): RawMention {
  const url = item.link ?? feed.link ?? '';
  const host = hostnameOf(url) ?? hostnameOf(feed.link) ?? 'unknown';
  const title = truncate(item.title, TITLE_MAX_CHARS);
  const snippet = truncate(item.snippet, SNIPPET_MAX_CHARS);
  // A Google Alerts feed title names the alert, not the publisher; the article's host says more.
  const siteName = feed.isGoogleAlerts ? host : feed.title || host;
  return {
    platform: 'feed',
    externalId: feedItemKey(item),
    sourceId,
    text: [title, snippet].filter(Boolean).join(' — ') || url,
    url,
    platformLang: null,
    author: { externalId: host, handle: host, name: item.author || siteName, followers: 0, verified: false },
    postedAt: (item.publishedAt ?? now).toISOString(),
    metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
    inReplyToExternalId: null,
  };
}

function hostnameOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
