import { z } from 'zod';
import type { ConnectorCursor } from '../shared/source-connector';

/** Enough to cover the longest feeds seen in practice several times over, small enough to store per source. */
export const SEEN_KEYS_LIMIT = 5_000;

/**
 * Feeds have no "since" parameter: they re-serve their latest N items on every fetch. The cursor remembers the
 * keys already handed over, plus the validators for a conditional GET. `url` ties the validators to the URL
 * they came from, so editing a source's URL never sends the old feed's ETag to the new one.
 */
export interface FeedCursor {
  url?: string;
  etag?: string;
  lastModified?: string;
  seen: string[];
}

const feedCursorSchema = z.object({
  url: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  seen: z.array(z.string()).default([]),
});

/** A stored cursor of an unexpected shape restarts from scratch rather than failing the source forever. */
export function readFeedCursor(cursor: ConnectorCursor): FeedCursor {
  const parsed = feedCursorSchema.safeParse(cursor);
  return parsed.success ? parsed.data : { seen: [] };
}

export function rememberKeys(seen: readonly string[], added: readonly string[]): string[] {
  if (added.length === 0) return [...seen];
  const addedSet = new Set(added);
  return [...seen.filter((key) => !addedSet.has(key)), ...added].slice(-SEEN_KEYS_LIMIT);
}

export function toConnectorCursor(cursor: FeedCursor): ConnectorCursor {
  const out: ConnectorCursor = { seen: cursor.seen };
  if (cursor.url) out.url = cursor.url;
  if (cursor.etag) out.etag = cursor.etag;
  if (cursor.lastModified) out.lastModified = cursor.lastModified;
  return out;
}
