import type { GeneratedPost } from '../chatter/mention-generator';
import { SnowflakeGenerator } from './snowflake';

export interface StoredTweet {
  id: string;
  createdAt: string;
  post: GeneratedPost;
}

export interface SearchWindow {
  sinceId?: string;
  untilId?: string;
  /** Exclusive upper bound carried by next_token: the oldest id of the previous page. */
  beforeId?: string;
  maxResults: number;
}

export interface SearchResult {
  tweets: StoredTweet[];
  /** Present when older matching tweets remain. */
  nextBeforeId?: string;
}

/** Recent search covers the last 7 days; the store also caps its size so a long demo stays small. */
const RETENTION_MS = 7 * 24 * 3_600_000;
const MAX_TWEETS = 500_000;

/** Tweets in id order (oldest first), searched newest first as X does. */
export class TweetStore {
  private readonly tweets: StoredTweet[] = [];
  private readonly ids = new SnowflakeGenerator();

  /**
   * `createdAt` may be earlier than `now` (a scripted backlog: posts made while a pipeline was down
   * that it has not read yet); the id is still issued now, so since_id polling finds them.
   */
  add(post: GeneratedPost, now = Date.now(), createdAt = now): StoredTweet {
    const tweet = { id: this.ids.next(now), createdAt: new Date(createdAt).toISOString(), post };
    this.tweets.push(tweet);
    if (this.tweets.length > MAX_TWEETS) this.tweets.splice(0, this.tweets.length - MAX_TWEETS);
    return tweet;
  }

  /** One tweet by id (a follow-up finds the customer of the post we answered). */
  find(id: string): StoredTweet | undefined {
    return this.tweets.find((t) => t.id === id);
  }

  get size(): number {
    return this.tweets.length;
  }

  clear(): void {
    this.tweets.length = 0;
  }

  search(window: SearchWindow, now = Date.now()): SearchResult {
    const since = window.sinceId ? BigInt(window.sinceId) : -1n;
    const until = minBig(window.untilId, window.beforeId);
    const oldestAllowed = new Date(now - RETENTION_MS).toISOString();
    const page: StoredTweet[] = [];
    let index = until === undefined ? this.tweets.length - 1 : this.lastIndexBelow(until);
    for (; index >= 0; index--) {
      const tweet = this.tweets[index]!;
      if (BigInt(tweet.id) <= since || tweet.createdAt < oldestAllowed) break;
      if (page.length === window.maxResults) return { tweets: page, nextBeforeId: page[page.length - 1]!.id };
      page.push(tweet);
    }
    return { tweets: page };
  }

  /** Binary search: index of the newest tweet with id < bound. */
  private lastIndexBelow(bound: bigint): number {
    let lo = 0;
    let hi = this.tweets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (BigInt(this.tweets[mid]!.id) < bound) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

function minBig(a?: string, b?: string): bigint | undefined {
  if (a === undefined) return b === undefined ? undefined : BigInt(b);
  if (b === undefined) return BigInt(a);
  return BigInt(a) < BigInt(b) ? BigInt(a) : BigInt(b);
}
