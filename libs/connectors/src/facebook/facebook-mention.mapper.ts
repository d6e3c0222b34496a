import type { MentionAuthor, RawMention } from '@lp/domain';
import type { FeedChangeValue, GraphComment, GraphPost } from './facebook.schema';
import { graphTimeToIso } from './facebook-time';

const FACEBOOK_ORIGIN = 'https://www.facebook.com';

/** Facebook exposes no follower count or verification for commenters, so those stay neutral. */
function toAuthor(from: { id: string; name?: string | undefined } | undefined): MentionAuthor {
  if (!from) return { externalId: 'unknown', handle: 'unknown', name: 'Facebook user', followers: 0, verified: false };
  return { externalId: from.id, handle: from.id, name: from.name ?? from.id, followers: 0, verified: false };
}

/** Post ids are `<pageId>_<postId>`; when Graph sends no permalink the public URL is built from them. */
export function facebookPostUrl(postId: string): string {
  const [owner, post] = postId.split('_', 2);
  return owner && post
    ? `${FACEBOOK_ORIGIN}/${encodeURIComponent(owner)}/posts/${encodeURIComponent(post)}`
    : `${FACEBOOK_ORIGIN}/${encodeURIComponent(postId)}`;
}

export function facebookCommentUrl(postId: string, commentId: string): string {
  return `${facebookPostUrl(postId)}?comment_id=${encodeURIComponent(commentId)}`;
}

export function postToMention(post: GraphPost, sourceId: string | null): RawMention {
  return {
    platform: 'facebook',
    externalId: post.id,
    sourceId,
    text: post.message ?? post.story ?? '',
    url: post.permalink_url ?? facebookPostUrl(post.id),
    platformLang: null,
    author: toAuthor(post.from),
    postedAt: graphTimeToIso(post.created_time),
    metrics: { likes: 0, replies: 0, reposts: post.shares?.count ?? 0, quotes: 0 },
    inReplyToExternalId: null,
  };
}

/** A reply to a comment answers that comment; a top-level comment answers the post. */
export function commentToMention(comment: GraphComment, postId: string, sourceId: string | null): RawMention {
  return {
    platform: 'facebook',
    externalId: comment.id,
    sourceId,
    text: comment.message ?? '',
    url: comment.permalink_url ?? facebookCommentUrl(postId, comment.id),
    platformLang: null,
    author: toAuthor(comment.from),
    postedAt: graphTimeToIso(comment.created_time),
    metrics: { likes: comment.like_count ?? 0, replies: comment.comment_count ?? 0, reposts: 0, quotes: 0 },
    inReplyToExternalId: comment.parent?.id ?? postId,
  };
}

/** Webhook `feed` changes carry the same ids as the edges, so polled and pushed copies de-duplicate. */
export function feedChangeToMention(value: FeedChangeValue, sourceId: string | null): RawMention {
  const isComment = value.item === 'comment' && value.comment_id !== undefined;
  const externalId = isComment ? value.comment_id! : value.post_id;
  return {
    platform: 'facebook',
    externalId,
    sourceId,
    text: value.message ?? '',
    url: isComment
      ? facebookCommentUrl(value.post_id, externalId)
      : (value.post?.permalink_url ?? facebookPostUrl(value.post_id)),
    platformLang: null,
    author: toAuthor(value.from),
    postedAt: graphTimeToIso(value.created_time),
    metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
    inReplyToExternalId: isComment ? (value.parent_id ?? value.post_id) : null,
  };
}
