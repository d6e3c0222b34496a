import express, { Router } from 'express';
import type { FaultInjector } from '../faults';
import { invalidRequest, sendProblem } from './problem';
import { SnowflakeGenerator } from './snowflake';
import type { TweetStore } from './tweet-store';

export const X_REPLY_ENDPOINT = 'x.reply';
const REPLY_RATE_RESET_S = 2;
const SLOW_REPLY_MS = 3_000;

export interface RecordedReply {
  id: string;
  text: string;
  inReplyToTweetId: string;
  receivedAt: string;
}

export interface XReplyDeps {
  store: TweetStore;
  faults: FaultInjector;
  replies: RecordedReply[];
}

/**
 * `POST /2/tweets` with `reply.in_reply_to_tweet_id`, as X API v2 answers it (201 with the new id).
 * Every accepted reply is recorded so tests and the demo can show exactly what was posted.
 */
export function xReplyRouter(deps: XReplyDeps): Router {
  const router = Router();
  const ids = new SnowflakeGenerator();
  router.post('/2/tweets', express.json({ limit: '64kb' }), async (req, res) => {
    const auth = req.header('authorization') ?? '';
    // Posting needs user context: OAuth 1.0a or an OAuth 2 user token (any Bearer stands for one here).
    if (!/^(OAuth |Bearer )/.test(auth)) return sendProblem(res, 401, 'Unauthorized', 'Unauthorized');
    const fault = deps.faults.take(X_REPLY_ENDPOINT);
    if (fault === 'unauthorized') return sendProblem(res, 401, 'Unauthorized', 'Unauthorized');
    if (fault === 'forbidden') {
      return sendProblem(
        res,
        403,
        'Forbidden',
        'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
        {},
        'https://api.twitter.com/2/problems/client-forbidden',
      );
    }
    if (fault === 'server-error') return sendProblem(res, 503, 'Service Unavailable', 'Service Unavailable');
    if (fault === 'rate-limit') {
      // X's 429 for posting: the window resets in a couple of seconds here, so tests see the wait end.
      res.setHeader('x-rate-limit-limit', '100');
      res.setHeader('x-rate-limit-remaining', '0');
      res.setHeader('x-rate-limit-reset', String(Math.ceil(Date.now() / 1000) + REPLY_RATE_RESET_S));
      return sendProblem(res, 429, 'Too Many Requests', 'Too Many Requests');
    }
    const body = req.body as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } } | undefined;
    if (typeof body?.text !== 'string' || body.text.length === 0)
      return invalidRequest(res, 'text', '', 'text is required');
    const target = body.reply?.in_reply_to_tweet_id;
    if (typeof target !== 'string' || !/^\d{1,19}$/.test(target)) {
      return invalidRequest(
        res,
        'reply.in_reply_to_tweet_id',
        String(target),
        'in_reply_to_tweet_id must be a post id',
      );
    }
    const id = ids.next();
    deps.replies.push({ id, text: body.text, inReplyToTweetId: target, receivedAt: new Date().toISOString() });
    // Slow: the post is made at once, but the answer comes late, after the caller may have given up (or died).
    if (fault === 'slow') await new Promise((r) => setTimeout(r, SLOW_REPLY_MS));
    res
      .status(201)
      .type('application/json')
      .send(JSON.stringify({ data: { id, text: body.text, edit_history_tweet_ids: [id] } }));
  });
  return router;
}
