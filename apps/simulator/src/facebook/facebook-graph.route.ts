import express, { Router, type Request, type Response } from 'express';
import type { FaultInjector, FaultMode } from '../faults';
import type { FacebookQuirk, FacebookQuirks } from './facebook-quirks';
import type { FacebookStore, StoredComment, StoredPost } from './facebook-store';
import { windowOf, type Listed } from './graph-paging';
import {
  GRAPH_ERRORS,
  graphTime,
  invalidParameter,
  sendGraphError,
  unknownObject,
  type GraphErrorSpec,
} from './graph-response';
import type { GraphUsageMeter } from './graph-usage';

export const FACEBOOK_FEED_ENDPOINT = 'facebook.feed';
export const FACEBOOK_COMMENTS_ENDPOINT = 'facebook.comments';
export const FACEBOOK_REPLY_ENDPOINT = 'facebook.reply';
/** The token the simulator accepts unless told otherwise. */
export const FACEBOOK_SIM_PAGE_TOKEN = 'sim-page-token';
const EXPIRED_TOKEN = 'expired-token';

const VERSION = /^v\d+\.\d+$/;
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
const THROTTLE_MINUTES = 5;
const POST_DEFAULT_FIELDS = ['id', 'created_time', 'message'];
const COMMENT_DEFAULT_FIELDS = ['id', 'created_time', 'from', 'message'];

export interface FacebookGraphDeps {
  store: FacebookStore;
  faults: FaultInjector;
  quirks: FacebookQuirks;
  usage: GraphUsageMeter;
  acceptedTokens: ReadonlySet<string>;
  /** How long the `slow` fault stalls a response. */
  slowMs: number;
}

/** The Graph API edges the Facebook connector uses (docs/platform-apis.md §2.2-2.6), under any `vNN.N`. */
export function facebookGraphRouter(deps: FacebookGraphDeps): Router {
  const router = Router();

  router.get('/:version/:pageId/:edge', async (req, res, next) => {
    const { version, pageId, edge } = req.params;
    if (!VERSION.test(version) || (edge !== 'feed' && edge !== 'tagged' && edge !== 'comments')) return next();
    const endpoint = edge === 'comments' ? FACEBOOK_COMMENTS_ENDPOINT : FACEBOOK_FEED_ENDPOINT;
    const fault = await admit(req, res, deps, endpoint, pageId);
    if (fault === 'rejected') return;
    if (fault === 'malformed-json') return res.type('application/json').send('{"data":[{"id":"1_2","created_ti');

    const query = readWindowQuery(req);
    if ('error' in query) return sendGraphError(res, query.error);
    const quirk = deps.quirks.take(endpoint);

    if (edge === 'comments') {
      if (!deps.store.post(pageId) && !deps.store.comment(pageId)) return sendGraphError(res, unknownObject(pageId));
      const filter = req.query.filter === 'stream' ? 'stream' : 'toplevel';
      const order = req.query.order === 'reverse_chronological' ? 'newest-first' : 'oldest-first';
      const comments = deps.store.commentsOf(pageId, filter);
      return sendList(req, res, comments, { ...query, order }, quirk, (c) =>
        project(commentJson(c), query.fields ?? COMMENT_DEFAULT_FIELDS, fault === 'missing-fields'),
      );
    }
    const posts = edge === 'feed' ? deps.store.feed(pageId) : deps.store.tagged(pageId);
    return sendList(req, res, posts, { ...query, order: 'newest-first' }, quirk, (p) =>
      project(postJson(p), query.fields ?? POST_DEFAULT_FIELDS, fault === 'missing-fields'),
    );
  });

  router.post(
    '/:version/:targetId/comments',
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res, next) => {
      const { version, targetId } = req.params;
      if (!VERSION.test(version)) return next();
      const fault = await admit(req, res, deps, FACEBOOK_REPLY_ENDPOINT, targetId);
      if (fault === 'rejected') return;
      if (fault === 'malformed-json') return res.type('application/json').send('{"id":"12');
      const message = stringParam(req, 'message');
      if (!message) return sendGraphError(res, invalidParameter('Missing message or attachment'));
      const reply = deps.store.addReply(targetId, message);
      if (!reply) return sendGraphError(res, unknownObject(targetId));
      res.type('application/json').send(JSON.stringify({ id: reply.id }));
    },
  );

  return router;
}

/**
 * Token check, call accounting and the scheduled fault, in the order Graph would apply them.
 * Returns 'rejected' once an error answer went out, else the fault still to act on.
 */
async function admit(
  req: Request,
  res: Response,
  deps: FacebookGraphDeps,
  endpoint: string,
  nodeId: string,
): Promise<FaultMode | 'rejected' | undefined> {
  deps.usage.hit();
  const pageId = nodeId.split('_')[0] ?? nodeId;
  const token = tokenOf(req);
  const fault = deps.faults.take(endpoint);
  let error: GraphErrorSpec | undefined;
  if (token === EXPIRED_TOKEN) error = GRAPH_ERRORS.expiredToken;
  else if (!token || !deps.acceptedTokens.has(token) || fault === 'unauthorized') error = GRAPH_ERRORS.invalidToken;
  else if (fault === 'rate-limit') error = GRAPH_ERRORS.throttled;
  else if (fault === 'server-error') error = GRAPH_ERRORS.serverError;
  deps.usage.setHeaders(res, pageId, fault === 'rate-limit' ? THROTTLE_MINUTES : 0);
  if (error) {
    sendGraphError(res, error);
    return 'rejected';
  }
  if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, deps.slowMs));
  return fault;
}

interface WindowParams {
  since?: number;
  until?: number;
  after?: string;
  limit: number;
  fields?: string[];
}

function readWindowQuery(req: Request): WindowParams | { error: GraphErrorSpec } {
  const limitRaw = stringParam(req, 'limit');
  const limit = limitRaw === undefined ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1)
    return { error: invalidParameter('The limit parameter must be a positive integer') };
  const params: WindowParams = { limit: Math.min(limit, MAX_LIMIT) };
  for (const name of ['since', 'until'] as const) {
    const raw = stringParam(req, name);
    if (raw === undefined) continue;
    const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
    if (Number.isNaN(ms)) return { error: invalidParameter(`The ${name} parameter is not a valid time`) };
    params[name] = ms;
  }
  const after = stringParam(req, 'after');
  if (after !== undefined) params.after = after;
  const fields = stringParam(req, 'fields');
  // `from{id,name}` asks for sub-fields; the simulator answers with the whole object.
  if (fields)
    params.fields = fields
      .replace(/\{[^}]*\}/g, '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
  return params;
}

function sendList<T extends Listed>(
  req: Request,
  res: Response,
  items: readonly T[],
  query: WindowParams & { order: 'newest-first' | 'oldest-first' },
  quirk: FacebookQuirk | undefined,
  render: (item: T) => Record<string, unknown>,
): void {
  if (quirk === 'empty-page') {
    // Nothing here, but `next` repeats this very request: the client must keep paging.
    return void res.json({ data: [], paging: { next: absoluteUrl(req).toString() } });
  }
  const window = windowOf(items, { ...query, overlapNext: quirk === 'duplicate-page' });
  if (!window) return sendGraphError(res, invalidParameter('The after cursor is not valid'));
  const paging: Record<string, unknown> = {};
  if (window.before && window.after) {
    paging.cursors = { before: window.before, after: window.after };
    paging.previous = selfUrl(req, { before: window.before });
  }
  if (window.hasMore && window.after) paging.next = selfUrl(req, { after: window.after });
  res.json(window.items.length || paging.next ? { data: window.items.map(render), paging } : { data: [] });
}

/** Absolute paging links from the request's own host, keeping every parameter but the cursors. */
function selfUrl(req: Request, cursor: { after?: string; before?: string }): string {
  const url = absoluteUrl(req);
  url.searchParams.delete('after');
  url.searchParams.delete('before');
  if (cursor.after) url.searchParams.set('after', cursor.after);
  if (cursor.before) url.searchParams.set('before', cursor.before);
  return url.toString();
}

function absoluteUrl(req: Request): URL {
  return new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
}

function postJson(post: StoredPost): Record<string, unknown> {
  const [owner, part] = post.id.split('_');
  return {
    id: post.id,
    created_time: graphTime(post.createdAt),
    message: post.message,
    from: post.from,
    permalink_url: `https://www.facebook.com/${owner}/posts/${part}`,
    status_type: 'mobile_status_update',
    shares: { count: post.shares },
  };
}

function commentJson(comment: StoredComment): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: comment.id,
    created_time: graphTime(comment.createdAt),
    message: comment.message,
    from: comment.from,
    permalink_url: `https://www.facebook.com/${comment.postId.replace('_', '/posts/')}?comment_id=${comment.id}`,
    like_count: comment.likeCount,
    comment_count: 0,
  };
  if (comment.parentId !== comment.postId) json.parent = { id: comment.parentId };
  return json;
}

/** Graph returns only the fields asked for (plus id); `missing-fields` drops the required time. */
function project(full: Record<string, unknown>, fields: string[], dropRequired: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: full.id };
  for (const field of fields) if (field in full) out[field] = full[field];
  if (dropRequired) delete out.created_time;
  return out;
}

function tokenOf(req: Request): string | undefined {
  const match = /^Bearer (.+)$/.exec(req.header('authorization') ?? '');
  return match?.[1] ?? stringParam(req, 'access_token');
}

function stringParam(req: Request, name: string): string | undefined {
  const fromQuery = req.query[name];
  if (typeof fromQuery === 'string') return fromQuery;
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body?.[name];
  return typeof fromBody === 'string' ? fromBody : undefined;
}
