import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { MentionGenerator } from '../chatter/mention-generator';
import { FaultInjector } from '../faults';
import {
  FACEBOOK_SIM_PAGE_ID as PAGE_ID,
  FACEBOOK_SIM_PAGE_TOKEN as TOKEN,
  FacebookStore,
  facebookRouter,
} from './facebook.routes';

interface GraphList {
  data: Array<Record<string, unknown>>;
  paging?: { next?: string; previous?: string; cursors?: { before?: string; after?: string } };
}

let server: http.Server;
let origin: string;
let store: FacebookStore;
let faults: FaultInjector;

beforeEach(async () => {
  store = new FacebookStore(new MentionGenerator(3));
  faults = new FaultInjector();
  const app = express();
  app.use(facebookRouter({ store, faults }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const auth = { authorization: `Bearer ${TOKEN}` };
const get = (path: string, headers: Record<string, string> = auth) => fetch(`${origin}${path}`, { headers });
const control = (path: string, body: unknown) =>
  fetch(`${origin}/__sim/facebook/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('fake Graph feed', () => {
  it('answers in the Graph shape, newest first, with absolute paging links from the request host', async () => {
    expect((await control('posts', { count: 30 })).status).toBe(201);
    const res = await get(`/v26.0/${PAGE_ID}/feed?fields=id,created_time,message,from{id,name}&limit=20`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as GraphList;
    expect(body.data).toHaveLength(20);
    expect(Object.keys(body.data[0]!).sort()).toEqual(['created_time', 'from', 'id', 'message']);
    expect(body.data[0]!.created_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(body.paging?.cursors?.after).toEqual(expect.any(String));
    expect(body.paging?.next?.startsWith(`${origin}/v26.0/${PAGE_ID}/feed?`)).toBe(true);
    expect(new URL(body.paging!.next!).searchParams.get('fields')).toBe('id,created_time,message,from{id,name}');

    const rest = (await (
      await get(new URL(body.paging!.next!).pathname + new URL(body.paging!.next!).search)
    ).json()) as GraphList;
    expect(rest.data).toHaveLength(10);
    expect(rest.paging?.next).toBeUndefined();
    const ids = [...body.data, ...rest.data].map((p) => p.id);
    expect(new Set(ids).size).toBe(30);
  });

  it('caps limit at 100, honours since and accepts any version prefix', async () => {
    store.addPosts({ pageId: PAGE_ID, count: 120 });
    store.addPosts({ pageId: PAGE_ID, count: 5, ageMinutes: 60 });
    const capped = (await (await get(`/v25.0/${PAGE_ID}/feed?limit=500`)).json()) as GraphList;
    expect(capped.data).toHaveLength(100);
    const since = Math.floor((Date.now() - 30 * 60_000) / 1000);
    const recent = (await (await get(`/v26.0/${PAGE_ID}/feed?limit=100&since=${since}`)).json()) as GraphList;
    const next = (await (
      await get(new URL(recent.paging!.next!).pathname + new URL(recent.paging!.next!).search)
    ).json()) as GraphList;
    expect(recent.data.length + next.data.length).toBe(120);
    expect((await get(`/version/${PAGE_ID}/feed`)).status).toBe(404);
  });

  it('lists tagged posts on /tagged and on /feed, and comments with filter=stream including replies', async () => {
    const [tagged] = store.addPosts({ pageId: PAGE_ID, count: 1, tagged: true, commentsPerPost: 3 });
    const taggedList = (await (await get(`/v26.0/${PAGE_ID}/tagged`)).json()) as GraphList;
    const feed = (await (await get(`/v26.0/${PAGE_ID}/feed`)).json()) as GraphList;
    expect(taggedList.data.map((p) => p.id)).toEqual([tagged!.id]);
    expect(feed.data.map((p) => p.id)).toEqual([tagged!.id]);

    const stream = (await (
      await get(`/v26.0/${tagged!.id}/comments?filter=stream&fields=id,parent`)
    ).json()) as GraphList;
    expect(stream.data.map((c) => c.id)).toEqual(tagged!.commentIds);
    expect(stream.data[2]!.parent).toEqual({ id: tagged!.commentIds[1] });
    const top = (await (await get(`/v26.0/${tagged!.id}/comments`)).json()) as GraphList;
    expect(top.data).toHaveLength(2);
    const missing = await get('/v26.0/1_404/comments');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('sends usage headers with every answer', async () => {
    const res = await get(`/v26.0/${PAGE_ID}/feed`);
    expect(JSON.parse(res.headers.get('x-app-usage')!)).toEqual(expect.objectContaining({ call_count: 0 }));
    const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!) as Record<string, unknown[]>;
    expect(buc[PAGE_ID]![0]).toMatchObject({ type: 'pages', estimated_time_to_regain_access: 0 });
  });
});

describe('fake Graph errors', () => {
  const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, unknown> }).error;

  it('wants a known token: missing or unknown is 190, expired-token is 190/463, all HTTP 400', async () => {
    const missing = await get(`/v26.0/${PAGE_ID}/feed`, {});
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(await errorOf(await get(`/v26.0/${PAGE_ID}/feed`, { authorization: 'Bearer who' }))).toMatchObject({
      code: 190,
    });
    expect(await errorOf(await get(`/v26.0/${PAGE_ID}/feed?access_token=expired-token`, {}))).toMatchObject({
      code: 190,
      error_subcode: 463,
    });
    expect((await get(`/v26.0/${PAGE_ID}/feed?access_token=${TOKEN}`, {})).status).toBe(200);
  });

  it('maps the shared fault modes to Graph errors', async () => {
    faults.schedule('facebook.feed', 'rate-limit', 1);
    const throttled = await get(`/v26.0/${PAGE_ID}/feed`);
    expect(throttled.status).toBe(400);
    expect(await errorOf(throttled)).toMatchObject({ code: 80001 });
    const buc = JSON.parse(throttled.headers.get('x-business-use-case-usage')!) as Record<string, unknown[]>;
    expect(buc[PAGE_ID]![0]).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 5 });

    faults.schedule('facebook.feed', 'server-error', 1);
    const failed = await get(`/v26.0/${PAGE_ID}/feed`);
    expect(failed.status).toBe(500);
    expect(await errorOf(failed)).toMatchObject({ code: 2, is_transient: true });

    faults.schedule('facebook.feed', 'malformed-json', 1);
    await expect((await get(`/v26.0/${PAGE_ID}/feed`)).json()).rejects.toThrow();
    expect((await get(`/v26.0/${PAGE_ID}/feed`)).status).toBe(200);
  });

  it('serves an empty page that still links to the real next page', async () => {
    store.addPosts({ pageId: PAGE_ID, count: 3 });
    await control('quirks', { mode: 'empty-page' });
    const empty = (await (await get(`/v26.0/${PAGE_ID}/feed`)).json()) as GraphList;
    expect(empty.data).toEqual([]);
    const next = new URL(empty.paging!.next!);
    const full = (await (await get(next.pathname + next.search)).json()) as GraphList;
    expect(full.data).toHaveLength(3);
    expect((await control('quirks', { mode: 'nope' })).status).toBe(400);
  });
});

describe('fake Graph replies and control', () => {
  it('records a form-encoded reply, answers with its id and lists it under /__sim/facebook/replies', async () => {
    const created = (await (await control('posts', { count: 1, commentsPerPost: 1 })).json()) as {
      posts: Array<{ id: string; commentIds: string[] }>;
    };
    const commentId = created.posts[0]!.commentIds[0]!;
    const res = await fetch(`${origin}/v26.0/${commentId}/comments`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ message: 'We are on it' }),
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const replies = (await (await fetch(`${origin}/__sim/facebook/replies`)).json()) as { replies: unknown[] };
    expect(replies.replies).toEqual([expect.objectContaining({ id, targetId: commentId, message: 'We are on it' })]);

    const empty = await fetch(`${origin}/v26.0/${commentId}/comments`, { method: 'POST', headers: auth });
    expect(((await empty.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('adds comments to a post, validates input, reports state and resets', async () => {
    const [post] = store.addPosts({ pageId: PAGE_ID, count: 1 });
    expect((await control('comments', { postId: post!.id, count: 4 })).status).toBe(201);
    expect((await control('comments', { postId: 'nope', count: 1 })).status).toBe(404);
    expect((await control('posts', { count: 0 })).status).toBe(400);
    const state = (await (await fetch(`${origin}/__sim/facebook/state`)).json()) as Record<string, number>;
    expect(state).toMatchObject({ posts: 1, comments: 4, replies: 0 });
    expect((await control('reset', {})).status).toBe(204);
    expect(store.size).toEqual({ posts: 0, comments: 0, replies: 0 });
  });
});
