import express, { Router } from 'express';
import type { FacebookQuirks } from './facebook-quirks';
import { isFacebookQuirk } from './facebook-quirks';
import type { FacebookStore } from './facebook-store';
import { FACEBOOK_FEED_ENDPOINT } from './facebook-graph.route';

export interface FacebookControlDeps {
  store: FacebookStore;
  quirks: FacebookQuirks;
  defaultPageId: string;
  reset: () => void;
  state: () => Record<string, unknown>;
}

const MAX_POSTS = 10_000;
const MAX_COMMENTS = 1_000;

/** `/__sim/facebook/*`: scripting the fake Page for tests and demos; never called by the connector. */
export function facebookControlRouter(deps: FacebookControlDeps): Router {
  const router = Router();
  router.use('/__sim/facebook', express.json({ limit: '100kb' }));

  router.post('/__sim/facebook/posts', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const count = wholeNumber(body.count, 1, 1, MAX_POSTS);
    const commentsPerPost = wholeNumber(body.commentsPerPost, 0, 0, MAX_COMMENTS);
    const ageMinutes = wholeNumber(body.ageMinutes, 0, 0, 60 * 24 * 365);
    if (count === undefined) return res.status(400).json({ field: 'count', message: `must be 1 to ${MAX_POSTS}` });
    if (commentsPerPost === undefined)
      return res.status(400).json({ field: 'commentsPerPost', message: `must be 0 to ${MAX_COMMENTS}` });
    if (ageMinutes === undefined) return res.status(400).json({ field: 'ageMinutes', message: 'must be 0 to 525600' });
    const pageId = optionalString(body.pageId) ?? deps.defaultPageId;
    const text = optionalString(body.text);
    const posts = deps.store.addPosts({
      pageId,
      count,
      commentsPerPost,
      ageMinutes,
      tagged: body.tagged === true,
      fromPage: body.fromPage === true,
      ...(text !== undefined ? { text } : {}),
    });
    res.status(201).json({ pageId, posts });
  });

  router.post('/__sim/facebook/comments', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const postId = optionalString(body.postId);
    const count = wholeNumber(body.count, 1, 1, MAX_COMMENTS);
    if (!postId) return res.status(400).json({ field: 'postId', message: 'required' });
    if (count === undefined) return res.status(400).json({ field: 'count', message: `must be 1 to ${MAX_COMMENTS}` });
    const ids = deps.store.addComments(postId, count, Date.now(), optionalString(body.text));
    if (!ids) return res.status(404).json({ field: 'postId', message: 'no such post' });
    res.status(201).json({ postId, commentIds: ids });
  });

  router.get('/__sim/facebook/replies', (_req, res) => {
    res.json({ replies: deps.store.replies });
  });

  router.post('/__sim/facebook/quirks', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const endpoint = optionalString(body.endpoint) ?? FACEBOOK_FEED_ENDPOINT;
    const times = wholeNumber(body.times, 1, 1, 10_000);
    if (!isFacebookQuirk(body.mode)) return res.status(400).json({ field: 'mode', message: 'unknown quirk' });
    if (times === undefined) return res.status(400).json({ field: 'times', message: 'must be 1 to 10000' });
    deps.quirks.schedule(endpoint, body.mode, times);
    res.status(201).json({ endpoint, mode: body.mode, times });
  });

  router.get('/__sim/facebook/state', (_req, res) => {
    res.json(deps.state());
  });

  router.post('/__sim/facebook/reset', (_req, res) => {
    deps.reset();
    res.status(204).end();
  });

  return router;
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number | undefined {
  const n = value === undefined ? fallback : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 10_000 ? value : undefined;
}
