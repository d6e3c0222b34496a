import { decode } from 'html-entities';
import type { RawMention } from '@lp/domain';
import type { YouTubeCommentThread, YouTubeSearchResult } from './youtube.schema';

const WATCH_URL = 'https://www.youtube.com/watch';
const NO_ENGAGEMENT = { likes: 0, replies: 0, reposts: 0, quotes: 0 };

/** YouTube display names are now handles ("@someone"); the rest of the app stores handles without the "@". */
const stripAt = (name: string) => name.replace(/^@+/, '');

/** A top-level comment on the channel or one of its videos. */
export function commentThreadToMention(thread: YouTubeCommentThread, sourceId: string | null): RawMention {
  const comment = thread.snippet.topLevelComment;
  const s = comment.snippet;
  const videoId = s.videoId ?? thread.snippet.videoId;
  const handle = stripAt(s.authorDisplayName) || (s.authorChannelId?.value ?? 'unknown');
  const url = videoId
    ? `${WATCH_URL}?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(comment.id)}`
    : `https://www.youtube.com/channel/${encodeURIComponent(s.channelId ?? thread.snippet.channelId ?? '')}`;
  return {
    platform: 'youtube',
    externalId: comment.id,
    sourceId,
    // The connector asks for textFormat=plainText, so textDisplay is plain and, unlike textOriginal,
    // is returned to every viewer, not just the comment's author.
    text: s.textDisplay ?? s.textOriginal ?? '',
    url,
    platformLang: null,
    author: {
      externalId: s.authorChannelId?.value ?? handle,
      handle,
      name: handle,
      followers: 0,
      verified: false,
    },
    postedAt: new Date(s.publishedAt).toISOString(),
    metrics: { ...NO_ENGAGEMENT, likes: s.likeCount ?? 0, replies: thread.snippet.totalReplyCount ?? 0 },
    inReplyToExternalId: null,
  };
}

/** A new video whose title or description matched the brand's search terms. */
export function searchResultToMention(
  result: YouTubeSearchResult & { id: { videoId: string } },
  sourceId: string | null,
): RawMention {
  const s = result.snippet;
  // search.list returns titles and descriptions HTML-escaped ("Acme&#39;s"), unlike commentThreads.
  const title = decode(s.title);
  const description = decode(s.description ?? '');
  const channelTitle = s.channelTitle ? decode(s.channelTitle) : s.channelId;
  return {
    platform: 'youtube',
    externalId: result.id.videoId,
    sourceId,
    text: description ? `${title}\n\n${description}` : title,
    url: `${WATCH_URL}?v=${encodeURIComponent(result.id.videoId)}`,
    platformLang: null,
    author: { externalId: s.channelId, handle: channelTitle, name: channelTitle, followers: 0, verified: false },
    postedAt: new Date(s.publishedAt).toISOString(),
    metrics: { ...NO_ENGAGEMENT },
    inReplyToExternalId: null,
  };
}
