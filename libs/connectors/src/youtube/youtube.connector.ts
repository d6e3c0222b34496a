import type { youtube_v3 } from '@googleapis/youtube';
import type { z } from 'zod';
import type { RawMention } from '@lp/domain';
import { ConnectorPayloadError, RateLimitedError, type ConnectorError } from '../shared/connector-errors';
import type {
  ConnectorCursor,
  ConnectorPage,
  PostedReply,
  ReplyTarget,
  SourceConnector,
  SourceContext,
} from '../shared/source-connector';
import {
  DEFAULT_QUOTA_POLICY,
  QUOTA_COSTS,
  QuotaLedger,
  mergeQuotaStates,
  type QuotaPolicy,
  type QuotaState,
} from './quota-ledger';
import { admitPage, floorOf, type StreamState } from './seen-window';
import {
  callAuth,
  createYouTubeClient,
  readCredentials,
  secretsOf,
  type YouTubeCallAuth,
} from './youtube-client.factory';
import { readCursor, type YouTubeCursor } from './youtube-cursor';
import { isInvalidPageToken, isQuotaExceeded, toConnectorError } from './youtube-errors';
import { commentThreadToMention, searchResultToMention } from './youtube-mention.mapper';
import { readYouTubeSettings } from './youtube-settings';
import {
  commentThreadListSchema,
  insertedCommentSchema,
  parseBody,
  searchListSchema,
  type YouTubeSearchResult,
} from './youtube.schema';

export interface YouTubeConnectorOptions {
  /** `https://youtube.googleapis.com/` or the simulator's base URL. */
  rootUrl: string;
  /** Default 10,000 units (the default project allocation). */
  dailyQuotaUnits?: number;
  /** Default 100 search.list calls a day. */
  searchCallsPerDay?: number;
  /** 0 (default): search.list has its own call bucket. Set 100 for projects still on the per-unit model. */
  searchCostUnits?: number;
  /** Units polling leaves for replies; default 500 (ten replies). */
  quotaReserve?: number;
  /** Minimum time between search cycles; default a day divided by searchCallsPerDay, so the bucket lasts. */
  searchIntervalMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}

const COMMENT_PAGE_SIZE = 100;
const VIDEO_PAGE_SIZE = 50;
const MAX_RECENT_IDS = 2_000;
/** Comments held for review are published late with their original time; re-read a few minutes below the watermark. */
const COMMENT_OVERLAP_MS = 5 * 60_000;
/** The search index lags behind publishing, sometimes by tens of minutes. */
const VIDEO_OVERLAP_MS = 60 * 60_000;
/** A new source looks back a day for videos rather than searching all of YouTube's history. */
const VIDEO_FIRST_LOOKBACK_MS = 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

interface PollRun {
  source: SourceContext;
  ledger: QuotaLedger;
  access: YouTubeCallAuth;
  secrets: string[];
  state: YouTubeCursor;
}

/**
 * YouTube Data API v3 through the official client: top-level comments on the brand's channel
 * (commentThreads.list) and new videos that mention it (search.list), on a daily unit budget that the
 * connector tracks itself, because running out blocks replies until Pacific midnight.
 */
export class YouTubeConnector implements SourceConnector {
  readonly platform = 'youtube' as const;
  private readonly client: youtube_v3.Youtube;
  private readonly policy: QuotaPolicy;
  private readonly searchIntervalMs: number;
  private readonly now: () => Date;
  /** Latest known spending per source in this process: replies have no cursor to carry theirs. */
  private readonly spending = new Map<string, QuotaState>();

  constructor(options: YouTubeConnectorOptions) {
    this.client = createYouTubeClient({ rootUrl: options.rootUrl, timeoutMs: options.timeoutMs });
    this.policy = {
      dailyUnits: options.dailyQuotaUnits ?? DEFAULT_QUOTA_POLICY.dailyUnits,
      searchCallsPerDay: options.searchCallsPerDay ?? DEFAULT_QUOTA_POLICY.searchCallsPerDay,
      searchCostUnits: options.searchCostUnits ?? DEFAULT_QUOTA_POLICY.searchCostUnits,
      reserveUnits: options.quotaReserve ?? DEFAULT_QUOTA_POLICY.reserveUnits,
    };
    this.searchIntervalMs = options.searchIntervalMs ?? DAY_MS / Math.max(1, this.policy.searchCallsPerDay);
    this.now = options.now ?? (() => new Date());
  }

  async *poll(source: SourceContext, cursor: ConnectorCursor): AsyncGenerator<ConnectorPage> {
    const settings = readYouTubeSettings(source.settings);
    const credentials = readCredentials(source.credentials);
    const access = callAuth(credentials, 'read');
    const state = readCursor(cursor);
    const ledger = new QuotaLedger(
      this.policy,
      mergeQuotaStates(state.quota, this.spending.get(source.sourceId)),
      this.now,
    );
    const run: PollRun = { source, ledger, access, secrets: secretsOf(credentials), state };

    const searchDue = settings.searchTerms !== undefined && this.searchDue(state.videos);
    const searching = searchDue && ledger.canSearch();
    if (settings.channelId) yield* this.pollComments(run, settings.channelId, !searching);
    if (searching && settings.searchTerms) {
      yield* this.pollVideos(run, settings.searchTerms);
    } else if (!settings.channelId) {
      if (searchDue) throw this.budgetSpent(ledger, 'search.list');
      yield this.page(run, [], true);
    }
  }

  async reply(source: SourceContext, target: ReplyTarget, text: string): Promise<PostedReply> {
    const credentials = readCredentials(source.credentials);
    const access = callAuth(credentials, 'write');
    const ledger = new QuotaLedger(this.policy, this.spending.get(source.sourceId), this.now);
    if (!ledger.canSpend(QUOTA_COSTS.commentsInsert, { useReserve: true })) {
      throw this.budgetSpent(ledger, 'comments.insert');
    }
    // Charged before the call: YouTube bills refused requests too.
    this.charge(source, ledger, () => ledger.spend(QUOTA_COSTS.commentsInsert));

    let data: unknown;
    try {
      const response = await this.client.comments.insert({
        part: ['snippet'],
        requestBody: { snippet: { parentId: target.externalId, textOriginal: text } },
        ...access,
      });
      data = response.data;
    } catch (error) {
      throw this.translate(error, 'comments.insert', secretsOf(credentials), ledger, source);
    }
    const parsed = parseBody(insertedCommentSchema, data, 'YouTube comments.insert');
    if (!parsed.ok) throw new ConnectorPayloadError(parsed.problem);
    const comment = parsed.value;
    const videoId = comment.snippet?.videoId ?? target.parentExternalId ?? undefined;
    const url = videoId
      ? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(comment.id)}`
      : `https://www.youtube.com/watch?lc=${encodeURIComponent(comment.id)}`;
    return { externalId: comment.id, url };
  }

  /** commentThreads.list, newest first, from the top down to the watermark (or the end). */
  private async *pollComments(run: PollRun, channelId: string, lastPhase: boolean): AsyncGenerator<ConnectorPage> {
    let stream: StreamState = run.state.comments ?? { recentIds: [] };
    let restarted = false;
    for (;;) {
      if (!run.ledger.canSpend(QUOTA_COSTS.commentThreadsList))
        throw this.budgetSpent(run.ledger, 'commentThreads.list');
      this.charge(run.source, run.ledger, () => run.ledger.spend(QUOTA_COSTS.commentThreadsList));

      const pageToken = stream.pending?.pageToken;
      const body = await this.listPage(run, 'commentThreads.list', commentThreadListSchema, pageToken, !restarted, () =>
        this.client.commentThreads.list({
          part: ['snippet'],
          allThreadsRelatedToChannelId: channelId,
          order: 'time',
          maxResults: COMMENT_PAGE_SIZE,
          textFormat: 'plainText',
          pageToken,
          ...run.access,
        }),
      );
      if (!body) {
        restarted = true;
        stream = { ...stream, pending: stream.pending && { ...stream.pending, pageToken: undefined } };
        run.state.comments = stream;
        continue;
      }

      const page = admitPage(
        stream,
        body.items,
        body.nextPageToken,
        (t) => ({ id: t.snippet.topLevelComment.id, at: Date.parse(t.snippet.topLevelComment.snippet.publishedAt) }),
        { overlapMs: COMMENT_OVERLAP_MS, maxIds: MAX_RECENT_IDS, stopBelowFloor: true },
      );
      stream = page.next;
      run.state.comments = stream;
      const mentions = page.fresh.map((t) => commentThreadToMention(t, run.source.sourceId));
      yield this.page(run, mentions, page.done && lastPhase);
      if (page.done) return;
    }
  }

  /** search.list for videos published since the watermark (less the index-lag overlap). */
  private async *pollVideos(run: PollRun, searchTerms: string): AsyncGenerator<ConnectorPage> {
    const prior = run.state.videos;
    let stream: StreamState & { lastSearchAt?: string } =
      prior?.since || prior?.pending
        ? prior
        : {
            ...prior,
            recentIds: prior?.recentIds ?? [],
            since: new Date(this.now().getTime() - VIDEO_FIRST_LOOKBACK_MS).toISOString(),
          };
    // Fixed for the whole cycle: a page token is only valid with the query that produced it.
    const publishedAfter = rfc3339Seconds(floorOf(stream, VIDEO_OVERLAP_MS));
    let restarted = false;
    for (;;) {
      if (!run.ledger.canSearch()) {
        // The search bucket ran dry mid-cycle: the cycle stays pending until tomorrow; comments go on.
        run.state.videos = stream;
        yield this.page(run, [], true);
        return;
      }
      this.charge(run.source, run.ledger, () => run.ledger.spendSearch());

      const pageToken = stream.pending?.pageToken;
      const body = await this.listPage(run, 'search.list', searchListSchema, pageToken, !restarted, () =>
        this.client.search.list({
          part: ['snippet'],
          q: searchTerms,
          type: ['video'],
          order: 'date',
          publishedAfter,
          maxResults: VIDEO_PAGE_SIZE,
          pageToken,
          ...run.access,
        }),
      );
      if (!body) {
        restarted = true;
        stream = { ...stream, pending: stream.pending && { ...stream.pending, pageToken: undefined } };
        run.state.videos = stream;
        continue;
      }

      const videos = body.items.filter(isVideo);
      const page = admitPage(
        stream,
        videos,
        body.nextPageToken,
        (v) => ({ id: v.id.videoId, at: Date.parse(v.snippet.publishedAt) }),
        { overlapMs: VIDEO_OVERLAP_MS, maxIds: MAX_RECENT_IDS, stopBelowFloor: false },
      );
      stream = page.done
        ? { ...page.next, lastSearchAt: this.now().toISOString() }
        : { ...page.next, ...(stream.lastSearchAt ? { lastSearchAt: stream.lastSearchAt } : {}) };
      run.state.videos = stream;
      yield this.page(
        run,
        page.fresh.map((v) => searchResultToMention(v, run.source.sourceId)),
        page.done,
      );
      if (page.done) return;
    }
  }

  /**
   * One list call of a paging stream, checked against its schema. Undefined when the page token had
   * expired and `mayRestart`: page tokens expire, and the watermark and recent ids make a restart
   * from the top safe, once per cycle.
   */
  private async listPage<T>(
    run: PollRun,
    method: 'commentThreads.list' | 'search.list',
    schema: z.ZodType<T>,
    pageToken: string | undefined,
    mayRestart: boolean,
    call: () => Promise<{ data: unknown }>,
  ): Promise<T | undefined> {
    let data: unknown;
    try {
      data = (await call()).data;
    } catch (error) {
      if (mayRestart && pageToken && isInvalidPageToken(error)) return undefined;
      throw this.translate(error, method, run.secrets, run.ledger, run.source);
    }
    const parsed = parseBody(schema, data, `YouTube ${method}`);
    if (!parsed.ok) throw new ConnectorPayloadError(parsed.problem);
    return parsed.value;
  }

  private searchDue(videos: YouTubeCursor['videos']): boolean {
    if (!videos?.lastSearchAt || videos.pending) return true;
    return this.now().getTime() - Date.parse(videos.lastSearchAt) >= this.searchIntervalMs;
  }

  private page(run: PollRun, mentions: RawMention[], done: boolean): ConnectorPage {
    const cursor: YouTubeCursor = { ...structuredClone(run.state), quota: run.ledger.state() };
    return { mentions, cursor: { ...cursor }, rateLimit: null, quota: run.ledger.snapshot(), done };
  }

  private charge(source: SourceContext, ledger: QuotaLedger, spend: () => void): void {
    spend();
    this.spending.set(source.sourceId, ledger.state());
  }

  private budgetSpent(ledger: QuotaLedger, operation: string): RateLimitedError {
    const resumeAt = ledger.resetAt();
    const { used, searchCalls } = ledger.state();
    return new RateLimitedError(
      `YouTube ${operation} held back: ${used} of ${this.policy.dailyUnits} units ` +
        `(${this.policy.reserveUnits} kept for replies) and ${searchCalls} of ${this.policy.searchCallsPerDay} ` +
        `searches used today; resuming at ${resumeAt.toISOString()}`,
      resumeAt,
    );
  }

  private translate(
    error: unknown,
    operation: string,
    secrets: string[],
    ledger: QuotaLedger,
    source: SourceContext,
  ): ConnectorError {
    // YouTube's own count is the truth: once it says the day is spent, stop asking until midnight.
    if (isQuotaExceeded(error)) this.charge(source, ledger, () => ledger.exhaust());
    return toConnectorError(error, { operation, secrets, now: this.now() });
  }
}

function isVideo(result: YouTubeSearchResult): result is YouTubeSearchResult & { id: { videoId: string } } {
  return result.id.kind === 'youtube#video' && typeof result.id.videoId === 'string';
}

/** RFC 3339 without milliseconds, rounded down so nothing at the boundary is skipped. */
function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
