import type { RawMention } from '@lp/domain';
import { tweetToMention } from './x-mention.mapper';
import type { XTweet, XUser } from './x-search.schema';

function tweet(overrides: Partial<XTweet> = {}): XTweet {
  return {
    id: '1790000000000000001',
    text: '@acme my router keeps dropping wifi',
    author_id: '123456',
    created_at: '2025-01-15T14:00:00+02:00',
    ...overrides,
  };
}

const USER: XUser = {
  id: '123456',
  username: 'acmefan',
  name: 'Acme Fan',
  verified: true,
  public_metrics: { followers_count: 4_321 },
};

describe('tweetToMention', () => {
  it('maps every field', () => {
    const mention = tweetToMention(
      tweet({
        lang: 'en',
        public_metrics: { like_count: 5, reply_count: 2, retweet_count: 3, quote_count: 1 },
        referenced_tweets: [{ type: 'replied_to', id: '1789999999999999999' }],
      }),
      USER,
      'source-1',
    );
    const expected: RawMention = {
      platform: 'x',
      externalId: '1790000000000000001',
      sourceId: 'source-1',
      text: '@acme my router keeps dropping wifi',
      url: 'https://x.com/acmefan/status/1790000000000000001',
      platformLang: 'en',
      author: { externalId: '123456', handle: 'acmefan', name: 'Acme Fan', followers: 4_321, verified: true },
      postedAt: '2025-01-15T12:00:00.000Z',
      metrics: { likes: 5, replies: 2, reposts: 3, quotes: 1 },
      inReplyToExternalId: '1789999999999999999',
    };
    expect(mention).toEqual(expected);
  });

  it('normalises the posting time to UTC ISO', () => {
    expect(tweetToMention(tweet({ created_at: '2025-01-15T12:00:00Z' }), USER, null).postedAt).toBe(
      '2025-01-15T12:00:00.000Z',
    );
  });

  it('keeps a null source id', () => {
    expect(tweetToMention(tweet(), USER, null).sourceId).toBeNull();
  });

  it('defaults missing metrics to zero', () => {
    expect(tweetToMention(tweet(), USER, null).metrics).toEqual({ likes: 0, replies: 0, reposts: 0, quotes: 0 });
    expect(tweetToMention(tweet({ public_metrics: { like_count: 7 } }), USER, null).metrics).toEqual({
      likes: 7,
      replies: 0,
      reposts: 0,
      quotes: 0,
    });
  });

  it('falls back to the author id when the author is missing', () => {
    const mention = tweetToMention(tweet(), undefined, null);
    expect(mention.author).toEqual({
      externalId: '123456',
      handle: '123456',
      name: '123456',
      followers: 0,
      verified: false,
    });
    expect(mention.url).toBe('https://x.com/123456/status/1790000000000000001');
  });

  it('defaults followers and verified when the user omits them', () => {
    const mention = tweetToMention(tweet(), { id: '123456', username: 'quiet', name: 'Quiet' }, null);
    expect(mention.author).toEqual({
      externalId: '123456',
      handle: 'quiet',
      name: 'Quiet',
      followers: 0,
      verified: false,
    });
  });

  it('takes the replied_to reference, ignoring others', () => {
    const mention = tweetToMention(
      tweet({
        referenced_tweets: [
          { type: 'quoted', id: '111' },
          { type: 'replied_to', id: '222' },
        ],
      }),
      USER,
      null,
    );
    expect(mention.inReplyToExternalId).toBe('222');
    expect(
      tweetToMention(tweet({ referenced_tweets: [{ type: 'quoted', id: '111' }] }), USER, null).inReplyToExternalId,
    ).toBeNull();
    expect(tweetToMention(tweet(), USER, null).inReplyToExternalId).toBeNull();
  });

  it('reports no language when X says "und" or nothing', () => {
    expect(tweetToMention(tweet({ lang: 'und' }), USER, null).platformLang).toBeNull();
    expect(tweetToMention(tweet(), USER, null).platformLang).toBeNull();
    expect(tweetToMention(tweet({ lang: 'ja' }), USER, null).platformLang).toBe('ja');
  });
});
