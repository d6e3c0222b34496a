import type { Platform, RawMention } from '@lp/domain';
import type { RateLimitSnapshot } from './rate-limit';

/** JSON-safe resume point a connector writes and gets back on the next poll (stored per source). */
export type ConnectorCursor = Record<string, unknown>;

/** What a connector needs to talk to the platform for one source. */
export interface SourceContext {
  sourceId: string;
  /** Platform-specific settings, already validated: `{ query }`, `{ pageId }`, `{ channelId, searchTerms }`, `{ url }`. */
  settings: Record<string, unknown>;
  /** Decrypted credentials (tokens, app secrets). Never logged, never put in an error message. */
  credentials: Record<string, string>;
}

/** A platform's daily unit budget (YouTube) as the connector last saw it. */
export interface QuotaSnapshot {
  used: number;
  limit: number;
  /** ISO time the budget resets (midnight Pacific for YouTube). */
  resetAt: string;
}

export interface ConnectorPage {
  mentions: RawMention[];
  /** The cursor to persist once this page's mentions are queued. */
  cursor: ConnectorCursor;
  rateLimit: RateLimitSnapshot | null;
  quota?: QuotaSnapshot | null;
  /** True on the last page of this polling cycle. */
  done: boolean;
}

/** The mention being answered, as the reply path knows it. */
export interface ReplyTarget {
  externalId: string;
  /** The post a comment belongs to, where the platform needs it (Facebook, YouTube). */
  parentExternalId?: string | null;
  authorHandle: string;
  text: string;
}

export interface PostedReply {
  externalId: string;
  url: string;
}

/**
 * One platform's client, as the generic poller and the reply sender drive it. Implementations
 * raise the errors of connector-errors.ts so the poller can back off and mark the source's health.
 */
export interface SourceConnector {
  readonly platform: Platform;
  /** One polling cycle from `cursor`: yields page by page; the poller queues each page, then saves its cursor. */
  poll(source: SourceContext, cursor: ConnectorCursor): AsyncGenerator<ConnectorPage>;
  /** Posts a public reply. Throws ConnectorError with the platform's reason when refused. */
  reply(source: SourceContext, target: ReplyTarget, text: string): Promise<PostedReply>;
}
