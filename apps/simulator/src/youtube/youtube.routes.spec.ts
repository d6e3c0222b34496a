import http from 'node:http';
import express from 'express';
import { FaultInjector } from '../faults';
import { createYouTubeSim, type YouTubeSim } from './youtube-sim';
import { SIM_CHANNEL_ID } from './youtube-store';

interface ErrorBody {
  error: { code: number; message: string; errors: Array<{ reason: string; domain: string }> };
}

describe('youtubeRouter', () => {
  let server: http.Server;
  let base: string;
  let sim: YouTubeSim;
  let faults: FaultInjector;
  let now: Date;

  const get = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    get(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const reason = (body: unknown) => (body as ErrorBody).error.errors[0]!.reason;
  const threads = (query: string) => get(`/youtube/v3/commentThreads?key=k&${query}`);
  const CHANNEL_QUERY = `part=snippet&allThreadsRelatedToChannelId=${SIM_CHANNEL_ID}`;

  beforeEach(async () => {
    now = new Date('2025-01-15T18:00:00Z');
    faults = new FaultInjector();
    sim = createYouTubeSim({ faults, seed: 5, dailyQuotaUnits: 200, searchCallsPerDay: 3, slowMs: 30, now: () => now });
    const app = express();
    app.use(sim.router);
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  describe('GET /youtube/v3/commentThreads', () => {
    it('lists threads newest first in the documented shape, with opaque page tokens to the end', async () => {
      const added = await post('/__sim/youtube/comments', { count: 5 });
      expect(added.status).toBe(201);
      const ids = (added.body as { ids: string[] }).ids;

      const first = await threads(`${CHANNEL_QUERY}&maxResults=3&order=time&textFormat=plainText`);
      expect(first.status).toBe(200);
      const body = first.body as {
        kind: string;
        etag: string;
        nextPageToken?: string;
        pageInfo: { totalResults: number; resultsPerPage: number };
        items: Array<{ id: string; snippet: { topLevelComment: { snippet: Record<string, unknown> } } }>;
      };
      expect(body).toMatchObject({ kind: 'youtube#commentThreadListResponse', pageInfo: { resultsPerPage: 3 } });
      expect(typeof body.etag).toBe('string');
      expect(body.items.map((i) => i.id)).toEqual([ids[4], ids[3], ids[2]]);
      const snippet = body.items[0]!.snippet.topLevelComment.snippet;
      expect(snippet).toMatchObject({
        channelId: SIM_CHANNEL_ID,
        authorDisplayName: expect.stringMatching(/^@/),
        authorChannelId: { value: expect.stringMatching(/^UC[\w-]{22}$/) },
        publishedAt: '2025-01-15T18:00:00Z',
        likeCount: expect.any(Number),
      });
      expect(snippet.textDisplay).toBe(snippet.textOriginal);

      const second = await threads(`${CHANNEL_QUERY}&maxResults=3&pageToken=${body.nextPageToken}`);
      const page2 = second.body as { nextPageToken?: string; items: Array<{ id: string }> };
      expect(page2.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
      expect(page2.nextPageToken).toBeUndefined();
    });

    it('requires a key or bearer token: none gets 403 forbidden', async () => {
      const res = await get(`/youtube/v3/commentThreads?${CHANNEL_QUERY}`);
      expect(res.status).toBe(403);
      expect(reason(res.body)).toBe('forbidden');
      const bearer = await get(`/youtube/v3/commentThreads?${CHANNEL_QUERY}`, {
        headers: { authorization: 'Bearer t' },
      });
      expect(bearer.status).toBe(200);
    });

    it.each([
      ['part=snippet', 400, 'missingRequiredParameter'],
      [`allThreadsRelatedToChannelId=${SIM_CHANNEL_ID}`, 400, 'required'],
      [`${CHANNEL_QUERY}&videoId=abc`, 400, 'incompatibleParameters'],
      [`${CHANNEL_QUERY}&maxResults=0`, 400, 'invalidParameter'],
      [`${CHANNEL_QUERY}&maxResults=101`, 400, 'invalidParameter'],
      [`${CHANNEL_QUERY}&pageToken=garbage`, 400, 'invalidPageToken'],
    ])('validates parameters: %s → %s %s', async (query, status, expected) => {
      const res = await threads(query);
      expect(res.status).toBe(status);
      expect(reason(res.body)).toBe(expected);
    });

    it('invalidates outstanding page tokens on request', async () => {
      await post('/__sim/youtube/comments', { count: 3 });
      const first = await threads(`${CHANNEL_QUERY}&maxResults=1`);
      const token = (first.body as { nextPageToken: string }).nextPageToken;
      expect((await post('/__sim/youtube/expire-page-tokens', {})).status).toBe(204);
      const stale = await threads(`${CHANNEL_QUERY}&maxResults=1&pageToken=${token}`);
      expect(reason(stale.body)).toBe('invalidPageToken');
    });
  });

  describe('GET /youtube/v3/search', () => {
    it('finds matching videos published after a time, HTML-escaped as YouTube does', async () => {
      sim.quota.set({ searchCallsPerDay: 10 });
      sim.store.addVideo({ title: "Acme's router", description: 'd', channelId: 'UCx', channelTitle: 'X' });
      now = new Date('2025-01-15T19:00:00Z');
      const recent = sim.store.addVideo({
        title: 'Acme review',
        description: 'd',
        channelId: 'UCx',
        channelTitle: 'X',
      });
      sim.store.addVideo({ title: 'Cooking', description: 'pasta', channelId: 'UCy', channelTitle: 'Y' });

      const all = await get('/youtube/v3/search?key=k&part=snippet&type=video&order=date&q=acme&maxResults=50');
      const titles = (all.body as { items: Array<{ snippet: { title: string } }> }).items.map((i) => i.snippet.title);
      expect(titles).toEqual(['Acme review', 'Acme&#39;s router']);

      const after = await get(
        '/youtube/v3/search?key=k&part=snippet&type=video&q=acme&publishedAfter=2025-01-15T18:30:00Z&maxResults=50',
      );
      expect(after.body).toMatchObject({
        kind: 'youtube#searchListResponse',
        items: [{ kind: 'youtube#searchResult', id: { kind: 'youtube#video', videoId: recent.id } }],
      });
      const either = await get('/youtube/v3/search?key=k&part=snippet&q=pasta%7Cnothing&maxResults=5');
      expect((either.body as { items: unknown[] }).items).toHaveLength(1);
      const excluded = await get('/youtube/v3/search?key=k&part=snippet&q=acme%20-review&maxResults=5');
      expect((excluded.body as { items: unknown[] }).items).toHaveLength(1);
    });

    it('accepts maxResults 0 to 50 only, and counts calls in the search bucket', async () => {
      expect((await get('/youtube/v3/search?key=k&part=snippet&maxResults=0')).status).toBe(200);
      const tooMany = await get('/youtube/v3/search?key=k&part=snippet&maxResults=51');
      expect(tooMany.status).toBe(400);
      expect(reason(tooMany.body)).toBe('invalidParameter');
      // Third call of a 3-call bucket (invalid requests are charged too), then refused.
      expect((await get('/youtube/v3/search?key=k&part=snippet')).status).toBe(200);
      const refused = await get('/youtube/v3/search?key=k&part=snippet');
      expect(refused.status).toBe(403);
      expect(reason(refused.body)).toBe('quotaExceeded');
      expect(sim.quota.state()).toMatchObject({ used: 0, searchCalls: 3 });
    });
  });

  describe('daily quota', () => {
    it('answers 403 quotaExceeded once the units are spent, until Pacific midnight', async () => {
      await post('/__sim/youtube/comments', { count: 1 });
      expect((await post('/youtube/v3/comments?part=snippet', {}, { authorization: 'Bearer t' })).status).toBe(400);
      for (let i = 0; i < 150; i++) expect((await threads(CHANNEL_QUERY)).status).toBe(200);
      const refused = await threads(CHANNEL_QUERY);
      expect(refused.status).toBe(403);
      expect((refused.body as ErrorBody).error.errors[0]).toMatchObject({
        reason: 'quotaExceeded',
        domain: 'youtube.quota',
      });

      now = new Date('2025-01-16T08:00:00Z');
      expect((await threads(CHANNEL_QUERY)).status).toBe(200);
      expect(sim.quota.state()).toMatchObject({ day: '2025-01-16', used: 1 });
    });

    it('can be set through the control endpoint', async () => {
      const res = await get('/__sim/youtube/quota', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ used: 200 }),
      });
      expect(res.body).toMatchObject({ used: 200, dailyUnits: 200 });
      expect(reason((await threads(CHANNEL_QUERY)).body)).toBe('quotaExceeded');
    });
  });

  describe('faults', () => {
    it.each([
      ['rate-limit', 403, 'quotaExceeded'],
      ['unauthorized', 401, 'authError'],
      ['server-error', 500, 'backendError'],
    ] as const)('%s answers %s %s', async (mode, status, expected) => {
      faults.schedule('youtube.commentThreads', mode, 1);
      const res = await threads(CHANNEL_QUERY);
      expect(res.status).toBe(status);
      expect(reason(res.body)).toBe(expected);
      expect((await threads(CHANNEL_QUERY)).status).toBe(200);
    });

    it('malformed-json sends a truncated body; slow stalls; search and comments have their own names', async () => {
      faults.schedule('youtube.commentThreads', 'malformed-json', 1);
      const malformed = await threads(CHANNEL_QUERY);
      expect(malformed.status).toBe(200);
      expect(typeof malformed.body).toBe('string');

      faults.schedule('youtube.search', 'slow', 1);
      const started = Date.now();
      expect((await get('/youtube/v3/search?key=k&part=snippet')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(25);

      faults.schedule('youtube.comments', 'server-error', 1);
      const reply = await post('/youtube/v3/comments?part=snippet', {}, { authorization: 'Bearer t' });
      expect(reply.status).toBe(500);
    });
  });

  describe('POST /youtube/v3/comments', () => {
    it('records a reply, bumps the thread reply count and returns the comment resource', async () => {
      const parentId = ((await post('/__sim/youtube/comments', { count: 1 })).body as { ids: string[] }).ids[0]!;
      const res = await post(
        '/youtube/v3/comments?part=snippet',
        { snippet: { parentId, textOriginal: 'Sorry, DM us' } },
        { authorization: 'Bearer token' },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        kind: 'youtube#comment',
        id: expect.stringMatching(new RegExp(`^${parentId}\\.`)),
        snippet: { parentId, textOriginal: 'Sorry, DM us' },
      });
      const replies = await get('/__sim/youtube/replies');
      expect(replies.body).toEqual({ replies: [expect.objectContaining({ parentId, text: 'Sorry, DM us' })] });
      expect(sim.store.findComment(parentId)!.totalReplyCount).toBe(1);
      expect(sim.quota.state().used).toBe(50);
    });

    it('needs an OAuth token, a parent and text', async () => {
      const parentId = ((await post('/__sim/youtube/comments', { count: 1 })).body as { ids: string[] }).ids[0]!;
      const keyOnly = await post('/youtube/v3/comments?part=snippet&key=k', {
        snippet: { parentId, textOriginal: 'x' },
      });
      expect(keyOnly.status).toBe(401);
      const auth = { authorization: 'Bearer t' };
      expect(
        reason((await post('/youtube/v3/comments?part=snippet', { snippet: { textOriginal: 'x' } }, auth)).body),
      ).toBe('parentIdMissing');
      expect(reason((await post('/youtube/v3/comments?part=snippet', { snippet: { parentId } }, auth)).body)).toBe(
        'commentTextRequired',
      );
      expect(
        (await post('/youtube/v3/comments?part=snippet', { snippet: { parentId: 'UgzNone', textOriginal: 'x' } }, auth))
          .status,
      ).toBe(404);
      expect(sim.store.replies()).toEqual([]);
    });
  });

  describe('controls', () => {
    it('adds videos, validates counts, reports state and resets', async () => {
      expect((await post('/__sim/youtube/videos', { count: 2 })).status).toBe(201);
      expect((await post('/__sim/youtube/videos', { count: 0 })).status).toBe(400);
      expect((await post('/__sim/youtube/comments', { mood: 'nope' })).status).toBe(400);
      expect((await get('/__sim/youtube/state')).body).toMatchObject({ comments: 0, videos: 2, replies: 0 });
      sim.reset();
      expect(sim.state()).toMatchObject({ comments: 0, videos: 0, replies: 0 });
    });
  });
});
