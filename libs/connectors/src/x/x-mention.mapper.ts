import type { RawMention } from '@lp/domain';
import type { XTweet, XUser } from './x-search.schema';

export function tweetToMention(tweet: XTweet, author: XUser | undefined, sourceId: string | null): RawMention {
  const handle = author?.username ?? tweet.author_id;
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to');
  return {
    platform: 'x',
    externalId: tweet.id,
    sourceId,
    text: tweet.text,
    url: `https://x.com/${handle}/status/${tweet.id}`,
    platformLang: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
    author: {
      externalId: tweet.author_id,
      handle,
      name: author?.name ?? handle,
      followers: author?.public_metrics?.followers_count ?? 0,
      verified: author?.verified ?? false,
    },
    postedAt: new Date(tweet.created_at).toISOString(),
    metrics: {
      likes: tweet.public_metrics?.like_count ?? 0,
      replies: tweet.public_metrics?.reply_count ?? 0,
      reposts: tweet.public_metrics?.retweet_count ?? 0,
      quotes: tweet.public_metrics?.quote_count ?? 0,
    },
    inReplyToExternalId: repliedTo?.id ?? null,
  };
}
