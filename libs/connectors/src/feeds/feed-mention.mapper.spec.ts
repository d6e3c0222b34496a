import type { RawMention } from '@lp/domain';
import type { ParsedFeed, ParsedFeedItem } from './feed-parser';
import { feedItemKey, feedItemToMention, SNIPPET_MAX_CHARS } from './feed-mention.mapper';
import { rememberKeys, readFeedCursor, SEEN_KEYS_LIMIT } from './feed-cursor';

const FEED: ParsedFeed = {
  type: 'rss',
  title: 'Acme Forum',
  link: 'https://forum.example/',
  isGoogleAlerts: false,
  items: [],
};

function item(overrides: Partial<ParsedFeedItem> = {}): ParsedFeedItem {
  return {
    guid: 'post-1',
    title: 'Router drops wifi',
    snippet: 'Since the update my Acme Router X2 drops wifi every hour.',
    link: 'https://forum.example/t/1',
    author: 'Dana',
    publishedAt: new Date('2025-01-15T12:00:00+02:00'),
    ...overrides,
  };
}

describe('feedItemToMention', () => {
  it('maps every field', () => {
    const expected: RawMention = {
      platform: 'feed',
      externalId: 'post-1',
      sourceId: 'src-1',
      text: 'Router drops wifi — Since the update my Acme Router X2 drops wifi every hour.',
      url: 'https://forum.example/t/1',
      platformLang: null,
      author: { externalId: 'forum.example', handle: 'forum.example', name: 'Dana', followers: 0, verified: false },
      postedAt: '2025-01-15T10:00:00.000Z',
      metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
      inReplyToExternalId: null,
    };
    expect(feedItemToMention(item(), FEED, 'src-1')).toEqual(expected);
  });

  it('names the site when there is no author, and the publisher host for Google Alerts', () => {
    expect(feedItemToMention(item({ author: null }), FEED, null).author.name).toBe('Acme Forum');
    const alerts = { ...FEED, title: 'Google Alert - acme', isGoogleAlerts: true };
    const mention = feedItemToMention(item({ author: null, link: 'https://news.example.com/a' }), alerts, null);
    expect(mention.author).toMatchObject({ handle: 'news.example.com', name: 'news.example.com' });
  });

  it('uses "now" when the item has no date', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(feedItemToMention(item({ publishedAt: null }), FEED, null, now).postedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('bounds the snippet', () => {
    const long = 'word '.repeat(1_000);
    const text = feedItemToMention(item({ snippet: long }), FEED, null).text;
    expect(text.length).toBeLessThanOrEqual('Router drops wifi — '.length + SNIPPET_MAX_CHARS);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keys items without a guid by a prefixed hash of link and title', () => {
    const a = feedItemKey(item({ guid: null }));
    expect(a).toMatch(/^h:[0-9a-f]{64}$/);
    expect(feedItemKey(item({ guid: null }))).toBe(a);
    expect(feedItemKey(item({ guid: null, title: 'Other' }))).not.toBe(a);
    expect(feedItemKey(item({ guid: null, link: 'https://forum.example/t/2' }))).not.toBe(a);
  });
});

describe('feed cursor', () => {
  it('keeps the newest keys up to the limit and moves re-served keys to the end', () => {
    const seen = Array.from({ length: SEEN_KEYS_LIMIT }, (_, i) => `k${i}`);
    const next = rememberKeys(seen, ['k0', 'new']);
    expect(next).toHaveLength(SEEN_KEYS_LIMIT);
    expect(next.slice(-2)).toEqual(['k0', 'new']);
    expect(next).not.toContain('k1');
  });

  it('starts afresh from a cursor of another shape', () => {
    expect(readFeedCursor({ seen: 'nope' })).toEqual({ seen: [] });
    expect(readFeedCursor({})).toEqual({ seen: [] });
    expect(readFeedCursor({ seen: ['a'], etag: '"x"', url: 'u' })).toEqual({ seen: ['a'], etag: '"x"', url: 'u' });
  });
});
