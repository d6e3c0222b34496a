import { Router, type Request, type Response } from 'express';
import type { FaultInjector } from '../faults';
import { invalidRequest, sendProblem } from './problem';
import type { FixedWindowRateLimiter, WindowState } from './rate-limiter';
import type { StoredTweet, TweetStore } from './tweet-store';

export const X_SEARCH_ENDPOINT = 'x.search';
const SNOWFLAKE = /^[0-9]{1,19}$/;

export interface XSearchDeps {
  store: TweetStore;
  limiter: FixedWindowRateLimiter;
  faults: FaultInjector;
  stats: { searchRequests: number };
}

/** next_token is opaque to clients; here it carries the oldest id of the page it follows. */
const encodeToken = (beforeId: string) => BigInt(beforeId).toString(32).padStart(14, '0');
function decodeToken(token: string): string | undefined {
  if (!/^[0-9a-v]{1,20}$/.test(token)) return undefined;
  return [...token].reduce((acc, ch) => acc * 32n + BigInt(parseInt(ch, 32)), 0n).toString();
}

function bearerOf(req: Request): string | undefined {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  return match?.[1];
}

function setRateHeaders(res: Response, state: WindowState): void {
  res.setHeader('x-rate-limit-limit', String(state.limit));
  res.setHeader('x-rate-limit-remaining', String(Math.max(0, state.remaining)));
  res.setHeader('x-rate-limit-reset', String(state.reset));
}

function param(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}

/** `GET /2/tweets/search/recent`, answering as X API v2 does (see docs/platform-apis.md §1.2-1.4). */
export function xSearchRouter(deps: XSearchDeps): Router {
  const router = Router();
  router.get('/2/tweets/search/recent', async (req, res) => {
    deps.stats.searchRequests += 1;
    const token = bearerOf(req);
    if (!token) return sendProblem(res, 401, 'Unauthorized', 'Unauthorized');

    const fault = deps.faults.take(X_SEARCH_ENDPOINT);
    if (fault === 'unauthorized') return sendProblem(res, 401, 'Unauthorized', 'Unauthorized');
    if (fault === 'rate-limit') deps.limiter.exhaust(token);
    const rate = deps.limiter.hit(token);
    setRateHeaders(res, rate);
    if (!rate.allowed) return sendProblem(res, 429, 'Too Many Requests', 'Too Many Requests');
    if (fault === 'server-error') return sendProblem(res, 500, 'Internal Server Error', 'Internal error');
    if (fault === 'malformed-json') return res.type('application/json').send('{"data":[{"id":"1","text":"trunc');
    if (fault === 'slow') await new Promise((r) => setTimeout(r, 20_000));

    const query = param(req, 'query');
    if (!query || query.length > 512)
      return invalidRequest(
        res,
        'query',
        query ?? '',
        'The `query` parameter is required and must be 1 to 512 characters',
      );
    const maxResults = Number(param(req, 'max_results') ?? '10');
    if (!Number.isInteger(maxResults) || maxResults < 10 || maxResults > 100) {
      return invalidRequest(
        res,
        'max_results',
        String(param(req, 'max_results')),
        `The \`max_results\` query parameter value [${param(req, 'max_results')}] is not between 10 and 100`,
      );
    }
    const sinceId = param(req, 'since_id');
    const untilId = param(req, 'until_id');
    for (const [name, value] of [
      ['since_id', sinceId],
      ['until_id', untilId],
    ] as const) {
      if (value !== undefined && !SNOWFLAKE.test(value))
        return invalidRequest(res, name, value, `The \`${name}\` query parameter value [${value}] is not valid`);
    }
    if (sinceId && param(req, 'start_time'))
      return invalidRequest(res, 'since_id', sinceId, 'At most one of `start_time` and `since_id` may be given');
    const token_ = param(req, 'next_token') ?? param(req, 'pagination_token');
    const beforeId = token_ === undefined ? undefined : decodeToken(token_);
    if (token_ !== undefined && beforeId === undefined)
      return invalidRequest(res, 'next_token', token_, 'The `next_token` query parameter value is not valid');

    const result = deps.store.search({ sinceId, untilId, beforeId, maxResults });
    const body = searchBody(result.tweets, result.nextBeforeId, fault === 'missing-fields');
    res.type('application/json').send(JSON.stringify(body));
  });
  return router;
}

function searchBody(tweets: StoredTweet[], nextBeforeId: string | undefined, dropFields: boolean) {
  if (tweets.length === 0) return { meta: { result_count: 0 } };
  const users = new Map(tweets.map((t) => [t.post.author.id, t.post.author]));
  return {
    data: tweets.map((t) => {
      const tweet = {
        id: t.id,
        text: t.post.text,
        author_id: t.post.author.id,
        created_at: t.createdAt,
        lang: t.post.lang,
        conversation_id: t.id,
        edit_history_tweet_ids: [t.id],
        // An answer to another post, as X v2 describes it (tweet.fields=referenced_tweets).
        ...(t.post.inReplyTo
          ? {
              referenced_tweets: [{ type: 'replied_to', id: t.post.inReplyTo.tweetId }],
              in_reply_to_user_id: t.post.inReplyTo.userId,
            }
          : {}),
        public_metrics: {
          retweet_count: t.post.reposts,
          reply_count: t.post.replies,
          like_count: t.post.likes,
          quote_count: t.post.quotes,
        },
      };
      // The `missing-fields` fault drops required fields, as a broken upstream might.
      return dropFields ? { id: t.id, author_id: t.post.author.id } : tweet;
    }),
    includes: {
      users: [...users.values()].map((u) => ({
        id: u.id,
        username: u.username,
        name: u.name,
        verified: u.verified,
        public_metrics: { followers_count: u.followers, following_count: 100, tweet_count: 1_000, listed_count: 1 },
      })),
    },
    meta: {
      newest_id: tweets[0]!.id,
      oldest_id: tweets[tweets.length - 1]!.id,
      result_count: tweets.length,
      ...(nextBeforeId ? { next_token: encodeToken(nextBeforeId) } : {}),
    },
  };
}
