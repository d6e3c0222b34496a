import type { z } from 'zod';
import type { RawMention } from '@lp/domain';
import { ConnectorAuthError, ConnectorError, ConnectorPayloadError } from '../shared/connector-errors';
import type { RateLimitSnapshot } from '../shared/rate-limit';
import type {
  ConnectorCursor,
  ConnectorPage,
  PostedReply,
  ReplyTarget,
  SourceConnector,
  SourceContext,
} from '../shared/source-connector';
import {
  describeIssue,
  graphCommentListSchema,
  graphCreatedSchema,
  graphPostListSchema,
  type GraphComment,
  type GraphPost,
} from './facebook.schema';
import { type FacebookCursor, PollCycleState, readFacebookCursor, toConnectorCursor } from './facebook-cursor';
import { GRAPH_NOT_FOUND_CODE, GraphApiError } from './facebook-errors';
import { FacebookGraphClient } from './facebook-graph.client';
import { commentToMention, facebookCommentUrl, postToMention } from './facebook-mention.mapper';
import { graphTimeToIso } from './facebook-time';

export interface FacebookConnectorOptions {
  /** `https://graph.facebook.com/v26.0/` or the simulator's `http://127.0.0.1:PORT/v26.0/`. */
  graphBaseUrl: string;
  timeoutMs?: number;
  /** Re-read window before the newest post seen, for posts Graph indexes late (default 10 min). */
  overlapMs?: number;
  /** How far back the very first poll of a source reaches (default 24 h). */
  initialLookbackMs?: number;
  /** Ids remembered across cycles to absorb the overlap (default 2,000). */
  maxSeenIds?: number;
  /** Recent posts whose comments are still read after they leave the time window (default 10). */
  maxWatchedPosts?: number;
  now?: () => Date;
}

const POST_FIELDS = 'id,created_time,message,story,from,permalink_url,shares';
const COMMENT_FIELDS = 'id,created_time,message,from,permalink_url,parent{id},like_count,comment_count';
const PAGE_SIZE = 100;

interface Step {
  mentions: RawMention[];
  rateLimit: RateLimitSnapshot | null;
  /** The cursor as it stood right after this fetch, mid-cycle. */
  cursor: FacebookCursor;
  /** The usage headers say the budget is spent: stop calling, since each call extends the block. */
  exhausted: boolean;
}

/**
 * Facebook Pages: settings `{ pageId }`, credentials `{ pageAccessToken }`. Mentions are visitor
 * posts on the Page feed, posts tagging the Page, and comments (replies included) on feed posts;
 * whatever the Page itself wrote is not a mention. Comments of tagged posts on other people's
 * timelines are not read: a Page token usually may not, and one refusal would fail the cycle.
 */
export class FacebookConnector implements SourceConnector {
  readonly platform = 'facebook' as const;
  private readonly client: FacebookGraphClient;
  private readonly now: () => Date;

  constructor(private readonly options: FacebookConnectorOptions) {
    this.now = options.now ?? (() => new Date());
    this.client = new FacebookGraphClient({
      graphBaseUrl: options.graphBaseUrl,
      timeoutMs: options.timeoutMs ?? 15_000,
      now: this.now,
    });
  }

  /**
   * One cycle, page by page. Each page is yielded once the next fetch succeeded, so the last one
   * can say `done`; if a later fetch fails, the pages already fetched are still handed over first.
   */
  async *poll(source: SourceContext, cursor: ConnectorCursor): AsyncGenerator<ConnectorPage> {
    const { pageId, token } = this.sourceAccess(source);
    const state = new PollCycleState(
      readFacebookCursor(cursor),
      {
        overlapMs: this.options.overlapMs ?? 10 * 60_000,
        initialLookbackMs: this.options.initialLookbackMs ?? 24 * 3_600_000,
        maxSeen: this.options.maxSeenIds ?? 2_000,
        maxWatched: this.options.maxWatchedPosts ?? 10,
      },
      this.now(),
    );

    let previous: Step | undefined;
    try {
      for await (const step of this.steps(state, pageId, token, source.sourceId)) {
        if (previous) yield toPage(previous, previous.cursor, false);
        previous = step;
        if (step.exhausted) break;
      }
    } catch (error) {
      if (previous) yield toPage(previous, previous.cursor, false);
      throw error;
    }
    // The first feed fetch always yields a step, so `previous` is set once the loop ends normally.
    const last = previous!;
    yield toPage(last, last.exhausted ? last.cursor : state.finishedCursor(), true);
  }

  /** `POST /{id}/comments` answers a comment (threaded reply) or a post (top-level comment) alike. */
  async reply(source: SourceContext, target: ReplyTarget, text: string): Promise<PostedReply> {
    const { token } = this.sourceAccess(source);
    const { body } = await this.client.postForm(
      `${encodeURIComponent(target.externalId)}/comments`,
      { message: text },
      token,
    );
    const created = graphCreatedSchema.safeParse(body);
    if (!created.success) {
      throw new ConnectorPayloadError(`Facebook reply returned an unexpected payload: ${describeIssue(created.error)}`);
    }
    const postId = target.parentExternalId ?? target.externalId;
    return { externalId: created.data.id, url: facebookCommentUrl(postId, created.data.id) };
  }

  private async *steps(state: PollCycleState, pageId: string, token: string, sourceId: string): AsyncGenerator<Step> {
    const visited = new Set<string>();
    for (const edge of ['feed', 'tagged'] as const) {
      let url: string | undefined = this.client.url(`${encodeURIComponent(pageId)}/${edge}`, {
        fields: POST_FIELDS,
        limit: PAGE_SIZE,
        since: state.since,
      });
      while (url) {
        const { body, rateLimit } = await this.client.get(url, token);
        const list = parseOrThrow(graphPostListSchema, body, `Facebook ${edge}`);
        const posts = list.data;
        const mentions: RawMention[] = [];
        for (const post of posts) {
          const createdTime = graphTimeToIso(post.created_time);
          state.noteTime(createdTime);
          if (edge === 'feed') state.watch(post.id, createdTime);
          if (post.from?.id !== pageId && state.firstSight(post.id)) mentions.push(postToMention(post, sourceId));
        }
        const step = stepOf(mentions, rateLimit, state);
        yield step;
        if (step.exhausted) return;
        if (edge === 'feed') {
          for (const post of posts) {
            if (visited.has(post.id)) continue;
            visited.add(post.id);
            if (yield* this.commentSteps(state, pageId, post, token, sourceId)) return;
          }
        }
        url = list.paging?.next;
      }
    }
    // Comments keep arriving on posts older than the window; a few recent posts are re-read.
    for (const postId of state.watchedPosts()) {
      if (visited.has(postId)) continue;
      try {
        if (yield* this.commentSteps(state, pageId, { id: postId }, token, sourceId)) return;
      } catch (error) {
        if (!(error instanceof GraphApiError && error.code === GRAPH_NOT_FOUND_CODE)) throw error;
        state.forget(postId);
      }
    }
  }

  /** Pages through one post's comments; returns true when the budget ran out. */
  private async *commentSteps(
    state: PollCycleState,
    pageId: string,
    post: Pick<GraphPost, 'id'>,
    token: string,
    sourceId: string,
  ): AsyncGenerator<Step, boolean> {
    let url: string | undefined = this.client.url(`${encodeURIComponent(post.id)}/comments`, {
      fields: COMMENT_FIELDS,
      filter: 'stream',
      limit: PAGE_SIZE,
      since: state.since,
    });
    while (url) {
      const { body, rateLimit } = await this.client.get(url, token);
      const list = parseOrThrow(graphCommentListSchema, body, 'Facebook comments');
      const mentions = list.data
        .filter((comment: GraphComment) => comment.from?.id !== pageId && state.firstSight(comment.id))
        .map((comment) => commentToMention(comment, post.id, sourceId));
      const step = stepOf(mentions, rateLimit, state);
      yield step;
      if (step.exhausted) return true;
      url = list.paging?.next;
    }
    return false;
  }

  private sourceAccess(source: SourceContext): { pageId: string; token: string } {
    const pageId = source.settings.pageId;
    if (typeof pageId !== 'string' || !/^[0-9A-Za-z_.-]+$/.test(pageId)) {
      throw new ConnectorError('Facebook source settings need a pageId', false);
    }
    const token = source.credentials.pageAccessToken;
    if (!token) throw new ConnectorAuthError('No Page access token on this Facebook source');
    return { pageId, token };
  }
}

function stepOf(mentions: RawMention[], rateLimit: RateLimitSnapshot | null, state: PollCycleState): Step {
  return { mentions, rateLimit, cursor: state.pendingCursor(), exhausted: rateLimit?.remaining === 0 };
}

function toPage(step: Step, cursor: FacebookCursor, done: boolean): ConnectorPage {
  return { mentions: step.mentions, cursor: toConnectorCursor(cursor), rateLimit: step.rateLimit, done };
}

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorPayloadError(`${what} returned an unexpected payload: ${describeIssue(parsed.error)}`);
  }
  return parsed.data;
}
