import { z } from 'zod';
import type { ConnectorCursor } from '../shared/source-connector';

/**
 * Where the next Facebook poll starts. Graph cursors are not stored (Meta: they break when items
 * are deleted); instead each cycle time-pages from `newest` minus an overlap and the `seen` ids
 * absorb what the overlap re-reads. While a cycle is paging, `pending` pins its `since`, so a
 * restart repeats the same window: nothing older is skipped and `seen` drops what was handed over.
 */
export interface FacebookCursor {
  /** created_time (ISO) of the newest post a finished cycle saw. */
  newest?: string;
  pending?: { since: number; newest?: string };
  /** Ids already handed over, oldest first, bounded. */
  seen: string[];
  /** Recent posts whose new comments are re-read after the posts leave the time window. */
  watch: WatchedPost[];
}

export interface WatchedPost {
  id: string;
  createdTime: string;
}

const isoTime = z.iso.datetime({ offset: true });
const cursorSchema = z.object({
  newest: isoTime.optional().catch(undefined),
  pending: z.object({ since: z.number().int().nonnegative(), newest: isoTime.optional() }).optional().catch(undefined),
  seen: z.array(z.string()).catch([]),
  watch: z.array(z.object({ id: z.string().min(1), createdTime: isoTime })).catch([]),
});

/** A stored cursor is trusted only as far as it parses: a damaged one restarts from the lookback, never fails. */
export function readFacebookCursor(raw: ConnectorCursor | null | undefined): FacebookCursor {
  const parsed = cursorSchema.safeParse(raw ?? {});
  const cursor: FacebookCursor = parsed.success ? parsed.data : { seen: [], watch: [] };
  if (cursor.newest === undefined) delete cursor.newest;
  if (cursor.pending === undefined) delete cursor.pending;
  else if (cursor.pending.newest === undefined) delete cursor.pending.newest;
  return cursor;
}

export interface CycleLimits {
  overlapMs: number;
  initialLookbackMs: number;
  maxSeen: number;
  maxWatched: number;
}

/** The mutable state of one polling cycle, and the cursors it can hand out at any point. */
export class PollCycleState {
  readonly since: number;
  private readonly seen: Set<string>;
  private readonly watched = new Map<string, string>();
  private newestMs: number | undefined;

  constructor(
    private readonly start: FacebookCursor,
    private readonly limits: CycleLimits,
    now: Date,
  ) {
    this.seen = new Set(start.seen.slice(-limits.maxSeen));
    for (const post of start.watch) this.watched.set(post.id, post.createdTime);
    const pendingNewest = start.pending?.newest;
    this.newestMs = pendingNewest ? Date.parse(pendingNewest) : undefined;
    if (start.pending) this.since = start.pending.since;
    else if (start.newest) this.since = Math.floor((Date.parse(start.newest) - limits.overlapMs) / 1000);
    else this.since = Math.floor((now.getTime() - limits.initialLookbackMs) / 1000);
  }

  /** True the first time an id is offered; the oldest ids fall out once the set is full. */
  firstSight(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.limits.maxSeen) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  /** Posts only: a comment's time says nothing about which posts the next window must cover. */
  noteTime(createdTime: string): void {
    const ms = Date.parse(createdTime);
    if (this.newestMs === undefined || ms > this.newestMs) this.newestMs = ms;
  }

  watch(postId: string, createdTime: string): void {
    this.watched.set(postId, createdTime);
  }

  forget(postId: string): void {
    this.watched.delete(postId);
  }

  watchedPosts(): string[] {
    return this.watchList().map((post) => post.id);
  }

  pendingCursor(): FacebookCursor {
    const cursor: FacebookCursor = { pending: { since: this.since }, seen: [...this.seen], watch: this.watchList() };
    if (this.newestMs !== undefined) cursor.pending!.newest = new Date(this.newestMs).toISOString();
    if (this.start.newest) cursor.newest = this.start.newest;
    return cursor;
  }

  finishedCursor(): FacebookCursor {
    const cursor: FacebookCursor = { seen: [...this.seen], watch: this.watchList() };
    const newest = this.newestMs ?? (this.start.newest ? Date.parse(this.start.newest) : undefined);
    if (newest !== undefined) cursor.newest = new Date(newest).toISOString();
    return cursor;
  }

  private watchList(): WatchedPost[] {
    return [...this.watched.entries()]
      .map(([id, createdTime]) => ({ id, createdTime }))
      .sort((a, b) => Date.parse(b.createdTime) - Date.parse(a.createdTime))
      .slice(0, this.limits.maxWatched);
  }
}

/** Spreads the cursor into a plain record for the generic poller, which stores it as JSON. */
export function toConnectorCursor(cursor: FacebookCursor): ConnectorCursor {
  return { ...cursor };
}
