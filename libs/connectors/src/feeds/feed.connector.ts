import type { Platform } from '@lp/domain';
import { z } from 'zod';
import { ConnectorError } from '../shared/connector-errors';
import type {
  ConnectorCursor,
  ConnectorPage,
  PostedReply,
  ReplyTarget,
  SourceConnector,
  SourceContext,
} from '../shared/source-connector';
import { decodeFeedBytes } from './charset';
import { readFeedCursor, rememberKeys, toConnectorCursor, type FeedCursor } from './feed-cursor';
import { fetchFeed } from './feed-fetcher';
import { feedItemKey, feedItemToMention } from './feed-mention.mapper';
import { parseFeed } from './feed-parser';
import type { LookupAll } from './url-guard';

export interface FeedConnectorOptions {
  /** Cap on the decoded body. Default 5 MiB. */
  maxBytes?: number;
  /** Deadline for the whole fetch, redirects and body included. Default 15 s. */
  timeoutMs?: number;
  /** Host names, IPs or CIDRs a feed may use although they are private or loopback (FEED_ALLOW_PRIVATE_HOSTS). */
  allowPrivateHosts?: string[];
  userAgent?: string;
  /** DNS override for tests; the system resolver otherwise. */
  lookup?: LookupAll;
}

export const FEED_DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const FEED_DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_USER_AGENT = 'ListeningPost/0.1 (+feed reader)';

const feedSettingsSchema = z.object({ url: z.string().min(1).max(2_048) });

/**
 * RSS 2.0, Atom, RDF and Google Alerts feeds. A feed is one document, so a cycle is one page: the items not in the
 * cursor's seen list. Credentials are unused (feeds are public).
 */
export class FeedConnector implements SourceConnector {
  readonly platform: Platform = 'feed';
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(private readonly options: FeedConnectorOptions = {}) {
    this.maxBytes = options.maxBytes ?? FEED_DEFAULT_MAX_BYTES;
    this.timeoutMs = options.timeoutMs ?? FEED_DEFAULT_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  async *poll(source: SourceContext, stored: ConnectorCursor): AsyncGenerator<ConnectorPage> {
    const { url } = this.settingsOf(source);
    const cursor = readFeedCursor(stored);
    const sameUrl = cursor.url === url;
    const result = await fetchFeed(url, {
      maxBytes: this.maxBytes,
      timeoutMs: this.timeoutMs,
      userAgent: this.userAgent,
      allowPrivateHosts: this.options.allowPrivateHosts,
      lookup: this.options.lookup,
      etag: sameUrl ? cursor.etag : undefined,
      lastModified: sameUrl ? cursor.lastModified : undefined,
    });
    if (result.status === 'not-modified') {
      yield { mentions: [], cursor: toConnectorCursor({ ...cursor, url }), rateLimit: null, done: true };
      return;
    }

    const feed = await parseFeed(decodeFeedBytes(result.body, result.contentType), result.finalUrl);
    const seen = new Set(cursor.seen);
    const now = new Date();
    const mentions = [];
    const present: string[] = [];
    for (const item of feed.items) {
      const key = feedItemKey(item);
      present.push(key);
      // `seen` also catches an item a feed lists twice in one document.
      if (seen.has(key)) continue;
      seen.add(key);
      mentions.push(feedItemToMention(item, feed, source.sourceId, now));
    }
    const next: FeedCursor = {
      url,
      etag: result.etag ?? undefined,
      lastModified: result.lastModified ?? undefined,
      // Keys still served move to the end, so only items gone from the feed are ever evicted.
      seen: rememberKeys(cursor.seen, [...new Set(present)]),
    };
    yield { mentions, cursor: toConnectorCursor(next), rateLimit: null, done: true };
  }

  reply(_source: SourceContext, _target: ReplyTarget, _text: string): Promise<PostedReply> {
    return Promise.reject(new ConnectorError('replies are not possible on web feeds', false));
  }

  private settingsOf(source: SourceContext): { url: string } {
    const parsed = feedSettingsSchema.safeParse(source.settings);
    if (!parsed.success) throw new ConnectorError('feed source settings need a `url`', false);
    return parsed.data;
  }
}
