import { ApiPartialResponseError, ApiRequestError, ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import type { RawMention } from '@lp/domain';
import {
  ConnectorAuthError,
  ConnectorError,
  ConnectorPayloadError,
  RateLimitedError,
} from '../shared/connector-errors';
import type { RateLimitSnapshot } from '../shared/rate-limit';
import { tweetToMention } from './x-mention.mapper';
import { xSearchResponseSchema, type XSearchResponse } from './x-search.schema';

/**
 * Where the next poll starts. `sinceId` is the newest tweet of the last finished cycle; while a
 * cycle is still paging, `pending` holds its next_token and the newest id its first page saw,
 * so a restart resumes mid-cycle without a gap (next_token does not expire).
 */
export interface XCursor {
  sinceId?: string;
  pending?: { nextToken: string; newestId: string };
}

export interface XSearchPage {
  mentions: RawMention[];
  /** The cursor to persist once this page's mentions are safely queued. */
  cursor: XCursor;
  rateLimit: RateLimitSnapshot | null;
  /** True on the last page of the cycle. */
  done: boolean;
}

const SEARCH_ENDPOINT = 'tweets/search/recent';
const TWEET_FIELDS = 'created_at,author_id,lang,public_metrics,conversation_id,referenced_tweets';
const USER_FIELDS = 'username,name,verified,public_metrics';
const PAGE_SIZE = 100;

export class XSearchConnector {
  constructor(
    private readonly client: TwitterApi,
    private readonly query: string,
    private readonly sourceId: string | null,
    /** Our own account: its posts and replies are never mentions. */
    private readonly ownUserId?: string,
  ) {}

  /**
   * Runs one polling cycle as the X docs prescribe: same since_id on every page, next_token until
   * it stops appearing, and the next cycle's since_id taken from the first page's newest_id.
   * Stops early (cursor still pending) when the rate-limit window is spent.
   */
  async *poll(start: XCursor): AsyncGenerator<XSearchPage> {
    let cursor = start;
    for (;;) {
      const { body, rateLimit } = await this.fetchPage(cursor);
      const newestId = cursor.pending?.newestId ?? body.meta.newest_id;
      const nextToken = body.meta.next_token;
      const done = !nextToken || !newestId;
      const next: XCursor = done
        ? { sinceId: newestId ?? cursor.sinceId }
        : { sinceId: cursor.sinceId, pending: { nextToken, newestId } };
      yield { mentions: this.toMentions(body), cursor: next, rateLimit, done };
      if (done) return;
      cursor = next;
      if (rateLimit?.remaining === 0) return;
    }
  }

  private async fetchPage(cursor: XCursor): Promise<{ body: XSearchResponse; rateLimit: RateLimitSnapshot | null }> {
    const params: Record<string, string | number> = {
      query: this.query,
      max_results: PAGE_SIZE,
      expansions: 'author_id',
      'tweet.fields': TWEET_FIELDS,
      'user.fields': USER_FIELDS,
    };
    if (cursor.sinceId) params.since_id = cursor.sinceId;
    if (cursor.pending) params.next_token = cursor.pending.nextToken;

    let response;
    try {
      response = await this.client.v2.get<unknown>(SEARCH_ENDPOINT, params, { fullResponse: true, timeout: 15_000 });
    } catch (error) {
      throw translateError(error);
    }
    const parsed = xSearchResponseSchema.safeParse(response.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConnectorPayloadError(
        `X search returned an unexpected payload: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
      );
    }
    return { body: parsed.data, rateLimit: toSnapshot(response.rateLimit) };
  }

  private toMentions(body: XSearchResponse): RawMention[] {
    const users = new Map((body.includes?.users ?? []).map((u) => [u.id, u]));
    return (body.data ?? [])
      .filter((tweet) => tweet.author_id !== this.ownUserId)
      .map((tweet) => tweetToMention(tweet, users.get(tweet.author_id), this.sourceId));
  }
}

function toSnapshot(
  rateLimit: { limit: number; remaining: number; reset: number } | undefined,
): RateLimitSnapshot | null {
  if (!rateLimit) return null;
  return {
    limit: rateLimit.limit,
    remaining: rateLimit.remaining,
    resetAt: new Date(rateLimit.reset * 1000).toISOString(),
  };
}

const FALLBACK_BACKOFF_MS = 60_000;

/** Maps twitter-api-v2's errors to the connector error model; `operation` names the call in messages. */
export function translateError(error: unknown, operation: 'search' | 'reply' = 'search'): ConnectorError {
  if (error instanceof ApiResponseError) {
    if (error.rateLimitError) {
      const reset = error.rateLimit?.reset;
      const resumeAt = reset ? new Date(reset * 1000) : new Date(Date.now() + FALLBACK_BACKOFF_MS);
      return new RateLimitedError(`X rate limit reached; resuming at ${resumeAt.toISOString()}`, resumeAt);
    }
    if (error.code === 401 || error.code === 403) {
      return new ConnectorAuthError(
        `X refused the ${operation === 'search' ? 'credentials' : 'reply'} (HTTP ${error.code}): ${problemDetail(error.data)}`,
      );
    }
    return new ConnectorError(
      `X ${operation} failed with HTTP ${error.code}: ${problemDetail(error.data)}`,
      error.code >= 500 || error.code === 408,
    );
  }
  if (error instanceof ApiPartialResponseError) {
    return new ConnectorPayloadError(
      `X ${operation} returned a body that is not valid JSON: ${error.rawContent.slice(0, 80)}`,
    );
  }
  if (error instanceof ApiRequestError) {
    return new ConnectorError(`X ${operation} request failed: ${error.requestError.message}`, true);
  }
  return new ConnectorError(`X ${operation} failed: ${error instanceof Error ? error.message : String(error)}`, true);
}

function problemDetail(data: unknown): string {
  if (data && typeof data === 'object') {
    const d = data as { detail?: unknown; title?: unknown };
    if (typeof d.detail === 'string') return d.detail;
    if (typeof d.title === 'string') return d.title;
  }
  return typeof data === 'string' ? data.slice(0, 120) : 'no detail';
}
