import express, { Router, type Request, type Response } from 'express';
import type { FaultInjector, FaultMode } from '../faults';
import { TEMPLATES, type Mood } from '../chatter/phrasebook';
import type { YouTubeContentGenerator } from './youtube-content.generator';
import { badParameter, quotaExceeded, sendYouTubeError } from './youtube-error';
import type { PageTokens } from './youtube-page-token';
import { compileQuery } from './youtube-query';
import type { YouTubeQuotaCounter } from './youtube-quota';
import {
  SIM_CHANNEL_ID,
  SIM_CHANNEL_TITLE,
  type StoredComment,
  type StoredVideo,
  type YouTubeStore,
} from './youtube-store';

/** FaultInjector endpoint names (POST /__sim/faults {endpoint, mode, times}). */
export const YOUTUBE_ENDPOINTS = {
  commentThreads: 'youtube.commentThreads',
  search: 'youtube.search',
  comments: 'youtube.comments',
} as const;

/** Units per call, as YouTube charges them (docs/platform-apis.md §3.5); search.list uses its own bucket. */
const COSTS = { commentThreads: 1, commentsInsert: 50 } as const;
const MAX_EMIT = 100_000;
const MAX_COMMENT_LENGTH = 10_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface YouTubeRouterDeps {
  store: YouTubeStore;
  faults: FaultInjector;
  quota: YouTubeQuotaCounter;
  tokens: PageTokens;
  generator: YouTubeContentGenerator;
  /** When set, only these API keys / access tokens are accepted; otherwise any non-empty one is. */
  credentials?: { apiKeys?: readonly string[]; accessTokens?: readonly string[] };
  /** How long the 'slow' fault stalls a response. */
  slowMs?: number;
  stats?: { youtubeRequests: number };
}

type Caller = { kind: 'key'; value: string } | { kind: 'token'; value: string };

function param(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v.join(',') : undefined;
}

function callerOf(req: Request): Caller | undefined {
  const bearer = /^Bearer (\S+)$/.exec(req.header('authorization') ?? '')?.[1];
  if (bearer) return { kind: 'token', value: bearer };
  const key = param(req, 'key');
  return key ? { kind: 'key', value: key } : undefined;
}

const etag = (seed: string) => Buffer.from(seed).toString('base64url').slice(0, 27);

/**
 * The YouTube Data API v3 endpoints the connector uses, plus `/__sim/youtube/*` controls. The paths are
 * `/youtube/v3/...`, which both documented hosts (www.googleapis.com and youtube.googleapis.com) share.
 */
export function youtubeRouter(deps: YouTubeRouterDeps): Router {
  const router = Router();

  /** Auth, faults and quota, in the order YouTube applies them; false when the response is already sent. */
  async function admit(req: Request, res: Response, endpoint: string, charge: () => boolean, needsToken = false) {
    if (deps.stats) deps.stats.youtubeRequests += 1;
    const caller = callerOf(req);
    if (!caller) {
      sendYouTubeError(
        res,
        403,
        'forbidden',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        { status: 'PERMISSION_DENIED' },
      );
      return false;
    }
    if (needsToken && caller.kind === 'key') {
      sendYouTubeError(res, 401, 'required', 'Login Required.', { status: 'UNAUTHENTICATED' });
      return false;
    }
    if (caller.kind === 'key' && deps.credentials?.apiKeys && !deps.credentials.apiKeys.includes(caller.value)) {
      sendYouTubeError(res, 400, 'keyInvalid', 'API key not valid. Please pass a valid API key.', {
        status: 'INVALID_ARGUMENT',
      });
      return false;
    }
    const fault: FaultMode | undefined = deps.faults.take(endpoint);
    const badToken =
      caller.kind === 'token' &&
      deps.credentials?.accessTokens &&
      !deps.credentials.accessTokens.includes(caller.value);
    if (fault === 'unauthorized' || badToken) {
      sendYouTubeError(res, 401, 'authError', 'Invalid Credentials', { status: 'UNAUTHENTICATED' });
      return false;
    }
    if (fault === 'rate-limit' || !charge()) {
      quotaExceeded(res);
      return false;
    }
    if (fault === 'server-error') {
      sendYouTubeError(res, 500, 'backendError', 'Backend Error', { status: 'INTERNAL' });
      return false;
    }
    if (fault === 'malformed-json') {
      res
        .type('application/json; charset=UTF-8')
        .send('{"kind": "youtube#commentThreadListResponse", "items": [{"id": "Ugz');
      return false;
    }
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, deps.slowMs ?? 20_000));
    res.locals.dropFields = fault === 'missing-fields';
    return true;
  }

  router.get('/youtube/v3/commentThreads', async (req, res) => {
    const charge = () => deps.quota.charge('units', COSTS.commentThreads);
    if (!(await admit(req, res, YOUTUBE_ENDPOINTS.commentThreads, charge))) return;

    const part = param(req, 'part');
    if (!part) return badParameter(res, 'required', 'part', 'Required parameter: part');
    const parts = part.split(',');
    if (parts.some((p) => !['id', 'snippet', 'replies'].includes(p))) {
      return badParameter(res, 'unknownPart', 'part', `'${part}'`);
    }
    const filters = ['allThreadsRelatedToChannelId', 'channelId', 'videoId', 'id'].filter(
      (f) => param(req, f) !== undefined,
    );
    if (filters.length === 0) {
      return badParameter(
        res,
        'missingRequiredParameter',
        'filter',
        'No filter selected. Expected one of: allThreadsRelatedToChannelId, channelId, id, videoId',
      );
    }
    if (filters.length > 1) {
      return badParameter(
        res,
        'incompatibleParameters',
        filters.join(','),
        'Incompatible parameters specified in the request.',
      );
    }
    const maxResults = Number(param(req, 'maxResults') ?? '20');
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
      return badParameter(
        res,
        'invalidParameter',
        'maxResults',
        `Invalid value '${param(req, 'maxResults')}'. Values must be within the range: [1, 100]`,
      );
    }
    const order = param(req, 'order') ?? 'time';
    if (order !== 'time' && order !== 'relevance')
      return badParameter(res, 'invalidParameter', 'order', `Invalid value '${order}'.`);
    const textFormat = param(req, 'textFormat') ?? 'html';
    if (textFormat !== 'html' && textFormat !== 'plainText') {
      return badParameter(res, 'invalidParameter', 'textFormat', `Invalid value '${textFormat}'.`);
    }
    const pageToken = param(req, 'pageToken');
    const beforeSeq = pageToken === undefined ? undefined : deps.tokens.decode('threads', pageToken);
    if (pageToken !== undefined && beforeSeq === undefined) {
      return badParameter(res, 'invalidPageToken', 'pageToken', 'The request specifies an invalid page token.');
    }

    const channelFilter = param(req, 'allThreadsRelatedToChannelId') ?? param(req, 'channelId');
    const page = deps.store.listThreads({
      channelId: channelFilter,
      videoId: param(req, 'videoId'),
      ids: param(req, 'id')?.split(','),
      searchTerms: param(req, 'searchTerms'),
      beforeSeq,
      maxResults,
    });
    const drop = res.locals.dropFields === true;
    res.json({
      kind: 'youtube#commentThreadListResponse',
      etag: etag(`threads:${beforeSeq ?? 'top'}:${page.items[0]?.id ?? ''}`),
      ...(page.nextBeforeSeq !== undefined ? { nextPageToken: deps.tokens.encode('threads', page.nextBeforeSeq) } : {}),
      pageInfo: { totalResults: page.items.length, resultsPerPage: maxResults },
      items: page.items.map((c) =>
        drop ? { kind: 'youtube#commentThread', id: c.id } : threadResource(c, textFormat),
      ),
    });
  });

  router.get('/youtube/v3/search', async (req, res) => {
    if (!(await admit(req, res, YOUTUBE_ENDPOINTS.search, () => deps.quota.charge('search', 1)))) return;

    const part = param(req, 'part');
    if (!part) return badParameter(res, 'required', 'part', 'Required parameter: part');
    if (part !== 'snippet' && part !== 'id' && part !== 'id,snippet' && part !== 'snippet,id') {
      return badParameter(res, 'unknownPart', 'part', `'${part}'`);
    }
    const maxResults = Number(param(req, 'maxResults') ?? '5');
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > 50) {
      return badParameter(
        res,
        'invalidParameter',
        'maxResults',
        `Invalid value '${param(req, 'maxResults')}'. Values must be within the range: [0, 50]`,
      );
    }
    const order = param(req, 'order') ?? 'relevance';
    if (!['date', 'rating', 'relevance', 'title', 'videoCount', 'viewCount'].includes(order)) {
      return badParameter(res, 'invalidParameter', 'order', `Invalid value '${order}'.`);
    }
    const publishedAfterRaw = param(req, 'publishedAfter');
    if (publishedAfterRaw !== undefined && !RFC3339.test(publishedAfterRaw)) {
      return badParameter(res, 'invalidPublishedAfter', 'publishedAfter', `Invalid value '${publishedAfterRaw}'.`);
    }
    const types = (param(req, 'type') ?? 'video,channel,playlist').split(',');
    if (types.some((t) => !['video', 'channel', 'playlist'].includes(t))) {
      return badParameter(res, 'invalidParameter', 'type', `Invalid value '${param(req, 'type')}'.`);
    }
    const pageToken = param(req, 'pageToken');
    const beforeSeq = pageToken === undefined ? undefined : deps.tokens.decode('search', pageToken);
    if (pageToken !== undefined && beforeSeq === undefined) {
      return badParameter(res, 'invalidPageToken', 'pageToken', 'The request specifies an invalid page token.');
    }

    // Only videos are simulated: a search restricted to channels or playlists finds nothing.
    const page = types.includes('video')
      ? deps.store.searchVideos({
          matches: compileQuery(param(req, 'q')),
          publishedAfter: publishedAfterRaw === undefined ? undefined : Date.parse(publishedAfterRaw),
          beforeSeq,
          maxResults,
        })
      : { items: [] };
    const drop = res.locals.dropFields === true;
    res.json({
      kind: 'youtube#searchListResponse',
      etag: etag(`search:${beforeSeq ?? 'top'}:${page.items[0]?.id ?? ''}`),
      ...(page.nextBeforeSeq !== undefined ? { nextPageToken: deps.tokens.encode('search', page.nextBeforeSeq) } : {}),
      regionCode: 'US',
      pageInfo: { totalResults: page.items.length, resultsPerPage: maxResults },
      items: page.items.map((v) =>
        drop ? { kind: 'youtube#searchResult', id: { kind: 'youtube#video' } } : searchResource(v),
      ),
    });
  });

  router.post('/youtube/v3/comments', express.json({ limit: '100kb' }), async (req, res) => {
    const charge = () => deps.quota.charge('units', COSTS.commentsInsert);
    if (!(await admit(req, res, YOUTUBE_ENDPOINTS.comments, charge, true))) return;

    if (param(req, 'part') !== 'snippet') return badParameter(res, 'required', 'part', 'Required parameter: part');
    const snippet = (req.body as { snippet?: { parentId?: unknown; textOriginal?: unknown } } | undefined)?.snippet;
    if (typeof snippet?.parentId !== 'string' || snippet.parentId === '') {
      return sendYouTubeError(res, 400, 'parentIdMissing', 'The comment must be a reply: snippet.parentId is missing.');
    }
    const text = typeof snippet.textOriginal === 'string' ? snippet.textOriginal.trim() : '';
    if (text === '')
      return sendYouTubeError(res, 400, 'commentTextRequired', 'The comment resource must contain text.');
    if (text.length > MAX_COMMENT_LENGTH) {
      return sendYouTubeError(res, 400, 'commentTextTooLong', 'The comment text is too long.');
    }
    const parent = deps.store.findComment(snippet.parentId);
    if (!parent)
      return sendYouTubeError(res, 404, 'commentNotFound', 'The specified parent comment could not be found.');

    const reply = deps.store.addReply(parent, text);
    res.json({
      kind: 'youtube#comment',
      etag: etag(`reply:${reply.id}`),
      id: reply.id,
      snippet: {
        channelId: parent.channelId,
        videoId: reply.videoId,
        textDisplay: reply.text,
        textOriginal: reply.text,
        parentId: reply.parentId,
        authorDisplayName: `@${SIM_CHANNEL_TITLE}Support`,
        authorChannelUrl: `http://www.youtube.com/channel/${SIM_CHANNEL_ID}`,
        authorChannelId: { value: SIM_CHANNEL_ID },
        canRate: true,
        viewerRating: 'none',
        likeCount: 0,
        publishedAt: reply.publishedAt,
        updatedAt: reply.publishedAt,
      },
    });
  });

  router.post('/__sim/youtube/comments', express.json({ limit: '100kb' }), (req, res) => {
    const body = readEmit(req, res);
    if (!body) return;
    const ids = Array.from({ length: body.count }, () => {
      const comment = deps.generator.comment(body.mood);
      if (body.text !== undefined) comment.text = body.text;
      return deps.store.addComment(comment).id;
    });
    res.status(201).json({ count: ids.length, ids });
  });

  router.post('/__sim/youtube/videos', express.json({ limit: '100kb' }), (req, res) => {
    const body = readEmit(req, res);
    if (!body) return;
    const ids = Array.from({ length: body.count }, () => {
      const video = deps.generator.video(body.mood);
      if (body.text !== undefined) video.title = body.text;
      return deps.store.addVideo(video).id;
    });
    res.status(201).json({ count: ids.length, ids });
  });

  router.get('/__sim/youtube/replies', (_req, res) => {
    res.json({ replies: deps.store.replies() });
  });

  router.get('/__sim/youtube/state', (_req, res) => {
    res.json({ ...deps.store.counts(), quota: deps.quota.state(), channelId: SIM_CHANNEL_ID });
  });

  router.put('/__sim/youtube/quota', express.json({ limit: '10kb' }), (req, res) => {
    const change: Record<string, number> = {};
    for (const field of ['dailyUnits', 'searchCallsPerDay', 'used', 'searchCalls'] as const) {
      const value = (req.body as Record<string, unknown> | undefined)?.[field];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        return res.status(400).json({ field, message: 'must be a whole number of at least 0' });
      }
      change[field] = value;
    }
    deps.quota.set(change);
    res.json(deps.quota.state());
  });

  router.post('/__sim/youtube/expire-page-tokens', (_req, res) => {
    deps.tokens.expireAll();
    res.status(204).end();
  });

  return router;
}

function readEmit(req: Request, res: Response): { count: number; mood?: Mood; text?: string } | undefined {
  const body = (req.body ?? {}) as { count?: unknown; mood?: unknown; text?: unknown };
  const count = Number(body.count ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > MAX_EMIT) {
    res.status(400).json({ field: 'count', message: `must be a whole number from 1 to ${MAX_EMIT}` });
    return undefined;
  }
  if (body.mood !== undefined && (typeof body.mood !== 'string' || !(body.mood in TEMPLATES))) {
    res.status(400).json({ field: 'mood', message: `must be one of ${Object.keys(TEMPLATES).join(', ')}` });
    return undefined;
  }
  if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_COMMENT_LENGTH)) {
    res.status(400).json({ field: 'text', message: `must be a string of at most ${MAX_COMMENT_LENGTH} characters` });
    return undefined;
  }
  return { count, mood: body.mood as Mood | undefined, text: body.text as string | undefined };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function threadResource(c: StoredComment, textFormat: 'html' | 'plainText') {
  const handle = c.author.displayName;
  return {
    kind: 'youtube#commentThread',
    etag: etag(`thread:${c.id}:${c.totalReplyCount}`),
    id: c.id,
    snippet: {
      channelId: c.channelId,
      videoId: c.videoId,
      topLevelComment: {
        kind: 'youtube#comment',
        etag: etag(`comment:${c.id}`),
        id: c.id,
        snippet: {
          channelId: c.channelId,
          videoId: c.videoId,
          textDisplay: textFormat === 'html' ? escapeHtml(c.text) : c.text,
          textOriginal: c.text,
          authorDisplayName: handle,
          authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${c.author.channelId}=s48-c-k-c0x00ffffff-no-rj`,
          authorChannelUrl: `http://www.youtube.com/${handle}`,
          authorChannelId: { value: c.author.channelId },
          canRate: true,
          viewerRating: 'none',
          likeCount: c.likeCount,
          publishedAt: c.publishedAt,
          updatedAt: c.publishedAt,
        },
      },
      canReply: true,
      totalReplyCount: c.totalReplyCount,
      isPublic: true,
    },
  };
}

function searchResource(v: StoredVideo) {
  const thumb = (name: string, width: number, height: number) => ({
    url: `https://i.ytimg.com/vi/${v.id}/${name}.jpg`,
    width,
    height,
  });
  return {
    kind: 'youtube#searchResult',
    etag: etag(`video:${v.id}`),
    id: { kind: 'youtube#video', videoId: v.id },
    snippet: {
      publishedAt: v.publishedAt,
      channelId: v.channelId,
      // The real search.list HTML-escapes titles and descriptions; so does the fake, to keep clients honest.
      title: escapeHtml(v.title),
      description: escapeHtml(v.description.slice(0, 160)),
      thumbnails: {
        default: thumb('default', 120, 90),
        medium: thumb('mqdefault', 320, 180),
        high: thumb('hqdefault', 480, 360),
      },
      channelTitle: escapeHtml(v.channelTitle),
      liveBroadcastContent: 'none',
      publishTime: v.publishedAt,
    },
  };
}
