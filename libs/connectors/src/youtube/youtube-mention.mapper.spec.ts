import { commentThreadToMention, searchResultToMention } from './youtube-mention.mapper';
import type { YouTubeCommentThread } from './youtube.schema';

const thread = (
  snippet: Partial<YouTubeCommentThread['snippet']['topLevelComment']['snippet']> = {},
): YouTubeCommentThread => ({
  id: 'UgzAbc123',
  snippet: {
    channelId: 'UCchan',
    videoId: 'vid123',
    totalReplyCount: 1,
    topLevelComment: {
      id: 'UgzAbc123',
      snippet: {
        videoId: 'vid123',
        textDisplay: 'I love my Acme widget',
        textOriginal: 'I love my Acme widget',
        authorDisplayName: '@someone',
        authorChannelId: { value: 'UCauthor' },
        likeCount: 2,
        publishedAt: '2024-05-01T09:00:00Z',
        ...snippet,
      },
    },
  },
});

describe('commentThreadToMention', () => {
  it('maps a top-level comment', () => {
    expect(commentThreadToMention(thread(), 'src')).toEqual({
      platform: 'youtube',
      externalId: 'UgzAbc123',
      sourceId: 'src',
      text: 'I love my Acme widget',
      url: 'https://www.youtube.com/watch?v=vid123&lc=UgzAbc123',
      platformLang: null,
      author: { externalId: 'UCauthor', handle: 'someone', name: 'someone', followers: 0, verified: false },
      postedAt: '2024-05-01T09:00:00.000Z',
      metrics: { likes: 2, replies: 1, reposts: 0, quotes: 0 },
      inReplyToExternalId: null,
    });
  });

  it('falls back to textOriginal and to the handle when YouTube omits fields', () => {
    const m = commentThreadToMention(
      thread({ textDisplay: undefined, authorChannelId: undefined, likeCount: undefined }),
      null,
    );
    expect(m.text).toBe('I love my Acme widget');
    expect(m.author.externalId).toBe('someone');
    expect(m.metrics.likes).toBe(0);
  });
});

describe('searchResultToMention', () => {
  it('decodes the HTML entities search.list puts in titles and joins title and description', () => {
    const m = searchResultToMention(
      {
        id: { kind: 'youtube#video', videoId: 'dQw4w9WgXcQ' },
        snippet: {
          publishedAt: '2024-05-01T09:00:00Z',
          channelId: 'UCcreator',
          title: 'Acme&#39;s &quot;best&quot; router',
          description: 'Tested &amp; reviewed',
          channelTitle: 'Tech &amp; Co',
        },
      },
      'src',
    );
    expect(m.text).toBe('Acme\'s "best" router\n\nTested & reviewed');
    expect(m.url).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(m.author).toEqual({
      externalId: 'UCcreator',
      handle: 'Tech & Co',
      name: 'Tech & Co',
      followers: 0,
      verified: false,
    });
  });
});
