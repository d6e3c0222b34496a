import express, { Router } from 'express';
import type { MentionGenerator } from '../chatter/mention-generator';
import { FOLLOW_UP_PHRASES, isFollowUpKind } from '../chatter/follow-up-phrases';
import type { RecordedReply } from './x-reply.route';
import type { TweetStore } from './tweet-store';

/** The brand account our replies are posted from, as X would name it in in_reply_to_user_id. */
export const BRAND_ACCOUNT_ID = '1500000000000000001';

export interface XFollowUpDeps {
  store: TweetStore;
  replies: RecordedReply[];
  generator: MentionGenerator;
}

/**
 * `POST /__sim/x/follow-ups {replyId, text? | outcome?}`: the customer we answered answers back.
 * The new tweet is by the author of the post our reply answered, with `referenced_tweets`
 * replied_to our reply's id, so the search connector ingests it like any real follow-up.
 * `outcome` (confirmed, failed, unclear) picks a phrase when no text is given.
 */
export function xFollowUpRouter(deps: XFollowUpDeps): Router {
  const router = Router();
  let turn = 0;
  router.post('/__sim/x/follow-ups', express.json({ limit: '64kb' }), (req, res) => {
    const { replyId, text, outcome } = (req.body ?? {}) as { replyId?: unknown; text?: unknown; outcome?: unknown };
    const reply = deps.replies.find((r) => r.id === replyId);
    if (!reply) return res.status(404).json({ field: 'replyId', message: 'no reply with this id was posted' });
    if (text !== undefined && (typeof text !== 'string' || text.length === 0 || text.length > 10_000)) {
      return res.status(400).json({ field: 'text', message: 'must be a string of 1 to 10000 characters' });
    }
    if (text === undefined && !isFollowUpKind(outcome)) {
      return res
        .status(400)
        .json({ field: 'outcome', message: `give text, or one of ${Object.keys(FOLLOW_UP_PHRASES).join(', ')}` });
    }
    const original = deps.store.find(reply.inReplyToTweetId);
    const post = deps.generator.next('chatter');
    if (original) post.author = original.post.author;
    const phrases = isFollowUpKind(outcome) ? FOLLOW_UP_PHRASES[outcome] : [];
    post.text = typeof text === 'string' ? text : `@acme ${phrases[turn++ % phrases.length]}`;
    post.inReplyTo = { tweetId: reply.id, userId: BRAND_ACCOUNT_ID };
    const tweet = deps.store.add(post);
    res.status(201).json({ id: tweet.id, text: post.text, authorId: post.author.id });
  });
  return router;
}
