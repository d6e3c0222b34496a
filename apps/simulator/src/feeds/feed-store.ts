import { createHash } from 'node:crypto';
import type { MentionGenerator } from '../chatter/mention-generator';

/** One generated article, as both the Google Alerts and the RSS renderers need it. */
export interface FeedEntry {
  seq: number;
  /** Google Alerts style entry id digits (stable per feed and sequence). */
  id: string;
  text: string;
  /** Publisher slug used to build article links. */
  slug: string;
  publishedAt: Date;
}

export interface FeedStoreOptions {
  /** Items a feed holds the first time it is requested. */
  initialItems?: number;
  /** A new item appears every this many ms while the feed is being read; 0 for none (tests add items explicitly). */
  growEveryMs?: number;
  /** Most items a feed keeps (real Alerts feeds show about 20). */
  keep?: number;
  now?: () => number;
}

/**
 * Generated articles per feed ("ga:<alertId>", "rss:<name>"). Growth over time is computed lazily on read, so
 * the store owns no timers.
 */
export class FeedStore {
  private readonly feeds = new Map<string, { entries: FeedEntry[]; nextSeq: number; grownAt: number }>();
  private readonly initialItems: number;
  private readonly growEveryMs: number;
  private readonly keep: number;
  private readonly now: () => number;

  constructor(
    private readonly generator: MentionGenerator,
    options: FeedStoreOptions = {},
  ) {
    this.initialItems = options.initialItems ?? 5;
    this.growEveryMs = options.growEveryMs ?? 60_000;
    this.keep = options.keep ?? 20;
    this.now = options.now ?? Date.now;
  }

  /** Entries newest first, after adding whatever has "been published" since the last read. */
  list(feed: string): FeedEntry[] {
    const state = this.state(feed);
    if (this.growEveryMs > 0) {
      const due = Math.floor((this.now() - state.grownAt) / this.growEveryMs);
      if (due > 0) {
        this.add(feed, Math.min(due, this.keep));
        state.grownAt = this.now();
      }
    }
    return [...state.entries].reverse();
  }

  /** Publishes `count` new entries now; returns them oldest first. */
  add(feed: string, count: number): FeedEntry[] {
    const state = this.state(feed);
    const added: FeedEntry[] = [];
    for (let i = 0; i < count; i++) {
      const seq = state.nextSeq++;
      const post = this.generator.next();
      const digest = createHash('sha256').update(`${feed}#${seq}`).digest();
      const previous = added[added.length - 1] ?? state.entries[state.entries.length - 1];
      // Whole seconds (HTTP dates have none finer) and strictly increasing, so "newest first" is well defined.
      const publishedAt = Math.max(Math.floor(this.now() / 1000) * 1000, (previous?.publishedAt.getTime() ?? 0) + 1000);
      added.push({
        seq,
        id: digest.readBigUInt64BE(0).toString(),
        text: post.text,
        slug: post.author.username.toLowerCase(),
        publishedAt: new Date(publishedAt),
      });
    }
    state.entries.push(...added);
    state.entries.splice(0, Math.max(0, state.entries.length - this.keep));
    return added;
  }

  clear(): void {
    this.feeds.clear();
  }

  private state(feed: string) {
    let state = this.feeds.get(feed);
    if (!state) {
      state = { entries: [], nextSeq: 1, grownAt: this.now() };
      this.feeds.set(feed, state);
      this.add(feed, this.initialItems);
    }
    return state;
  }
}
