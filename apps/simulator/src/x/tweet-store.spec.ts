import type { GeneratedPost } from '../chatter/mention-generator';
import { TweetStore, type StoredTweet } from './tweet-store';

const BASE = Date.UTC(2025, 0, 15, 12, 0, 0);
const DAY = 24 * 3_600_000;

function post(text: string): GeneratedPost {
  return {
    mood: 'chatter',
    text,
    author: { id: '10000000', username: 'someone', name: 'Some One', followers: 10, verified: false },
    lang: 'en',
    likes: 0,
    replies: 0,
    reposts: 0,
    quotes: 0,
  };
}

/** Adds `count` tweets one millisecond apart, oldest first. */
function fill(store: TweetStore, count: number, start = BASE): StoredTweet[] {
  return Array.from({ length: count }, (_, i) => store.add(post(`tweet ${i}`), start + i));
}

const ids = (tweets: StoredTweet[]) => tweets.map((t) => t.id);

describe('TweetStore', () => {
  it('stores tweets with the creation time and counts them', () => {
    const store = new TweetStore();
    const tweet = store.add(post('hello'), BASE);
    expect(tweet.createdAt).toBe(new Date(BASE).toISOString());
    expect(tweet.post.text).toBe('hello');
    expect(store.size).toBe(1);
    store.clear();
    expect(store.size).toBe(0);
    expect(store.search({ maxResults: 10 }, BASE).tweets).toEqual([]);
  });

  it('returns tweets newest first', () => {
    const store = new TweetStore();
    const added = fill(store, 5);
    const { tweets, nextBeforeId } = store.search({ maxResults: 10 }, BASE + 10);
    expect(ids(tweets)).toEqual(ids(added).reverse());
    expect(nextBeforeId).toBeUndefined();
  });

  it('treats since_id as exclusive', () => {
    const store = new TweetStore();
    const added = fill(store, 10);
    const { tweets } = store.search({ sinceId: added[6]!.id, maxResults: 100 }, BASE + 20);
    expect(ids(tweets)).toEqual([added[9]!.id, added[8]!.id, added[7]!.id]);
  });

  it('returns nothing when since_id is the newest tweet', () => {
    const store = new TweetStore();
    const added = fill(store, 3);
    expect(store.search({ sinceId: added[2]!.id, maxResults: 10 }, BASE + 10).tweets).toEqual([]);
  });

  it('treats until_id as an exclusive upper bound', () => {
    const store = new TweetStore();
    const added = fill(store, 10);
    const { tweets } = store.search({ untilId: added[4]!.id, maxResults: 100 }, BASE + 20);
    expect(ids(tweets)).toEqual(ids(added.slice(0, 4)).reverse());
  });

  it('uses the lower of until_id and beforeId', () => {
    const store = new TweetStore();
    const added = fill(store, 10);
    const a = store.search({ untilId: added[7]!.id, beforeId: added[3]!.id, maxResults: 100 }, BASE + 20);
    const b = store.search({ untilId: added[3]!.id, beforeId: added[7]!.id, maxResults: 100 }, BASE + 20);
    expect(ids(a.tweets)).toEqual(ids(added.slice(0, 3)).reverse());
    expect(ids(b.tweets)).toEqual(ids(a.tweets));
  });

  it('combines since_id and until_id into a range', () => {
    const store = new TweetStore();
    const added = fill(store, 10);
    const { tweets } = store.search({ sinceId: added[2]!.id, untilId: added[6]!.id, maxResults: 100 }, BASE + 20);
    expect(ids(tweets)).toEqual([added[5]!.id, added[4]!.id, added[3]!.id]);
  });

  it('pages 250 tweets as 100/100/50, visiting every tweet exactly once', () => {
    const store = new TweetStore();
    const added = fill(store, 250);
    const sizes: number[] = [];
    const seen: string[] = [];
    let beforeId: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = store.search({ maxResults: 100, ...(beforeId ? { beforeId } : {}) }, BASE + 1_000);
      sizes.push(page.tweets.length);
      seen.push(...ids(page.tweets));
      if (page.nextBeforeId === undefined) break;
      expect(page.nextBeforeId).toBe(page.tweets[page.tweets.length - 1]!.id);
      beforeId = page.nextBeforeId;
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual(ids(added).reverse());
  });

  it('gives no next token when the page is exactly the remainder', () => {
    const store = new TweetStore();
    const added = fill(store, 200);
    const first = store.search({ maxResults: 100 }, BASE + 1_000);
    expect(first.tweets).toHaveLength(100);
    expect(first.nextBeforeId).toBeDefined();
    const second = store.search({ maxResults: 100, beforeId: first.nextBeforeId! }, BASE + 1_000);
    expect(second.tweets).toHaveLength(100);
    expect(second.nextBeforeId).toBeUndefined();
    expect(ids(second.tweets)).toEqual(ids(added.slice(0, 100)).reverse());
  });

  it('gives no next token when a single page holds exactly everything', () => {
    const store = new TweetStore();
    fill(store, 100);
    const page = store.search({ maxResults: 100 }, BASE + 1_000);
    expect(page.tweets).toHaveLength(100);
    expect(page.nextBeforeId).toBeUndefined();
  });

  it('stops paging at since_id', () => {
    const store = new TweetStore();
    const added = fill(store, 250);
    const sinceId = added[49]!.id;
    const first = store.search({ sinceId, maxResults: 100 }, BASE + 1_000);
    const second = store.search({ sinceId, maxResults: 100, beforeId: first.nextBeforeId! }, BASE + 1_000);
    expect(first.tweets).toHaveLength(100);
    expect(second.tweets).toHaveLength(100);
    expect(second.nextBeforeId).toBeUndefined();
    expect([...ids(first.tweets), ...ids(second.tweets)]).toEqual(ids(added.slice(50)).reverse());
  });

  it('keeps only the last 7 days searchable', () => {
    const store = new TweetStore();
    const now = BASE + 30 * DAY;
    const old = store.add(post('eight days ago'), now - 8 * DAY);
    const edge = store.add(post('just over seven days ago'), now - 7 * DAY - 1);
    const recent = store.add(post('six days ago'), now - 6 * DAY);
    const today = store.add(post('today'), now - 1_000);
    const { tweets, nextBeforeId } = store.search({ maxResults: 100 }, now);
    expect(ids(tweets)).toEqual([today.id, recent.id]);
    expect(ids(tweets)).not.toContain(old.id);
    expect(ids(tweets)).not.toContain(edge.id);
    expect(nextBeforeId).toBeUndefined();
  });

  it('includes a tweet exactly 7 days old', () => {
    const store = new TweetStore();
    const now = BASE + 30 * DAY;
    const tweet = store.add(post('exactly seven days'), now - 7 * DAY);
    expect(ids(store.search({ maxResults: 10 }, now).tweets)).toEqual([tweet.id]);
  });

  it('gives no next token when the only older tweets are past retention', () => {
    const store = new TweetStore();
    const now = BASE + 30 * DAY;
    store.add(post('too old'), now - 10 * DAY);
    const recent = [store.add(post('a'), now - 3_000), store.add(post('b'), now - 2_000)];
    const page = store.search({ maxResults: 2 }, now);
    expect(ids(page.tweets)).toEqual(ids(recent).reverse());
    expect(page.nextBeforeId).toBeUndefined();
  });

  it('issues strictly increasing ids even for tweets in the same millisecond', () => {
    const store = new TweetStore();
    const tweets = Array.from({ length: 5 }, () => store.add(post('same ms'), BASE));
    for (let i = 1; i < tweets.length; i++) expect(BigInt(tweets[i]!.id)).toBeGreaterThan(BigInt(tweets[i - 1]!.id));
    expect(ids(store.search({ maxResults: 10 }, BASE).tweets)).toEqual(ids(tweets).reverse());
  });
});
