import http from 'node:http';
import express from 'express';
import { FaultInjector } from '../../../../apps/simulator/src/faults';
import { createYouTubeSim, type YouTubeSim } from '../../../../apps/simulator/src/youtube/youtube-sim';

import {
  ConnectorAuthError,
  ConnectorError,
  ConnectorPayloadError,
  RateLimitedError,
} from '../shared/connector-errors';
import type { ConnectorPage, SourceConnector, SourceContext } from '../shared/source-connector';
import { YouTubeConnector } from './youtube.connector';

const API_KEY = 'AIzaSyTEST-very-secret-key-0001';
const ACCESS_TOKEN = 'ya29.TEST-very-secret-token-0001';

/** A movable clock shared by the fake YouTube and the connector. */
class TestClock {
  constructor(private at: Date) {}
  now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

interface RunningSim {
  sim: YouTubeSim;
  faults: FaultInjector;
  rootUrl: string;
  close(): Promise<void>;
}

/** The simulator's YouTube router on an in-process express app, on a free port. */
async function startSim(clock: TestClock, options: { apiKeys?: string[] } = {}): Promise<RunningSim> {
  const faults = new FaultInjector();
  const sim = createYouTubeSim({
    faults,
    seed: 11,
    now: clock.now,
    slowMs: 50,
    credentials: options.apiKeys ? { apiKeys: options.apiKeys } : undefined,
  });
  const app = express();
  app.use(sim.router);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    sim,
    faults,
    rootUrl: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function source(
  settings: Record<string, unknown>,
  credentials: Record<string, string> = { apiKey: API_KEY },
): SourceContext {
  return { sourceId: 'yt-source-1', settings, credentials };
}

/** Runs one poll to its end; returns the pages it yielded and the error it ended with, if any. */
async function drain(
  connector: SourceConnector,
  ctx: SourceContext,
  cursor: Record<string, unknown>,
): Promise<{ pages: ConnectorPage[]; error?: unknown }> {
  const pages: ConnectorPage[] = [];
  try {
    for await (const page of connector.poll(ctx, cursor)) pages.push(page);
    return { pages };
  } catch (error) {
    return { pages, error };
  }
}

function lastCursor(pages: ConnectorPage[], fallback: Record<string, unknown> = {}): Record<string, unknown> {
  // The poller persists exactly what the connector handed over; a JSON round trip proves it is storable.
  const last = pages[pages.length - 1];
  return last ? (JSON.parse(JSON.stringify(last.cursor)) as Record<string, unknown>) : fallback;
}

const CHANNEL = 'UCacmeSimulatedChannel01';
const COMMENTS = { channelId: CHANNEL };
const MINUTE = 60_000;

const ids = (pages: ConnectorPage[]) => pages.flatMap((p) => p.mentions.map((m) => m.externalId));

describe('YouTubeConnector against the simulated YouTube Data API', () => {
  let clock: TestClock;
  let yt: RunningSim;
  const connector = (extra: Partial<ConstructorParameters<typeof YouTubeConnector>[0]> = {}) =>
    new YouTubeConnector({ rootUrl: yt.rootUrl, now: clock.now, timeoutMs: 2_000, ...extra });
  const addComments = (n: number, text?: string) =>
    Array.from({ length: n }, () => {
      const c = yt.sim.store.addComment({
        text: text ?? 'My Acme Router X2 keeps dropping wifi',
        author: { displayName: '@someone', channelId: 'UCauthorChannel000000001' },
        likeCount: 2,
      });
      return c.id;
    });

  beforeEach(async () => {
    // 10:00 in Los Angeles (PST), 15 January 2025.
    clock = new TestClock(new Date('2025-01-15T18:00:00Z'));
    yt = await startSim(clock);
  });
  afterEach(async () => {
    await yt.close();
  });

  describe('comments', () => {
    it('pages newest first to the end of the list, mapping each top-level comment', async () => {
      const added = addComments(250);
      const { pages, error } = await drain(connector(), source(COMMENTS), {});

      expect(error).toBeUndefined();
      expect(pages.map((p) => p.mentions.length)).toEqual([100, 100, 50]);
      expect(pages.map((p) => p.done)).toEqual([false, false, true]);
      expect(ids(pages)).toEqual([...added].reverse());
      const first = pages[0]!.mentions[0]!;
      const stored = yt.sim.store.findComment(first.externalId)!;
      expect(first).toEqual({
        platform: 'youtube',
        externalId: stored.id,
        sourceId: 'yt-source-1',
        text: 'My Acme Router X2 keeps dropping wifi',
        url: `https://www.youtube.com/watch?v=${stored.videoId}&lc=${stored.id}`,
        platformLang: null,
        author: {
          externalId: 'UCauthorChannel000000001',
          handle: 'someone',
          name: 'someone',
          followers: 0,
          verified: false,
        },
        postedAt: '2025-01-15T18:00:00.000Z',
        metrics: { likes: 2, replies: 0, reposts: 0, quotes: 0 },
        inReplyToExternalId: null,
      });
      expect(pages[2]!.quota).toEqual({ used: 3, limit: 10_000, resetAt: '2025-01-16T08:00:00.000Z' });
      expect(lastCursor(pages).quota).toEqual({ day: '2025-01-15', used: 3, searchCalls: 0 });
      expect(yt.sim.quota.state().used).toBe(3);
    });

    it('emits nothing twice across polls and stops paging once below the watermark', async () => {
      addComments(150);
      clock.advance(10 * MINUTE);
      addComments(100);
      const first = await drain(connector(), source(COMMENTS), {});
      expect(ids(first.pages)).toHaveLength(250);

      clock.advance(10 * MINUTE);
      const fresh = addComments(30);
      const second = await drain(connector(), source(COMMENTS), lastCursor(first.pages));
      expect(second.error).toBeUndefined();
      expect(ids(second.pages)).toEqual([...fresh].reverse());
      // Page 2 reaches comments older than the watermark and its overlap, so page 3 is never fetched.
      expect(second.pages).toHaveLength(2);
      expect(yt.sim.quota.state().used).toBe(3 + 2);

      // Same second as the watermark, arriving after the poll: still caught, and only once.
      const sameSecond = addComments(5);
      const third = await drain(connector(), source(COMMENTS), lastCursor(second.pages));
      expect(ids(third.pages)).toEqual([...sameSecond].reverse());
      const fourth = await drain(connector(), source(COMMENTS), lastCursor(third.pages));
      expect(ids(fourth.pages)).toEqual([]);
      expect(fourth.pages.at(-1)!.done).toBe(true);
    });

    it('resumes after a restart mid-cycle with no gap and no duplicate', async () => {
      const older = addComments(250);
      // The worker dies after queueing the first page: only that page's cursor was saved.
      const generator = connector().poll(source(COMMENTS), {});
      const firstPage = (await generator.next()).value as ConnectorPage;
      await generator.return(undefined);
      const saved = JSON.parse(JSON.stringify(firstPage.cursor)) as Record<string, unknown>;

      clock.advance(MINUTE);
      const newer = addComments(7);
      const resumed = await drain(connector(), source(COMMENTS), saved);
      expect(resumed.error).toBeUndefined();
      const seen = [...firstPage.mentions.map((m) => m.externalId), ...ids(resumed.pages)];
      expect(new Set(seen).size).toBe(seen.length);
      expect(new Set(seen)).toEqual(new Set(older));

      // The next cycle picks up what arrived meanwhile.
      const next = await drain(connector(), source(COMMENTS), lastCursor(resumed.pages));
      expect(ids(next.pages)).toEqual([...newer].reverse());
    });

    it('restarts from the top when YouTube rejects an expired page token', async () => {
      const older = addComments(230);
      const generator = connector().poll(source(COMMENTS), {});
      const firstPage = (await generator.next()).value as ConnectorPage;
      await generator.return(undefined);
      yt.sim.tokens.expireAll();
      const newer = addComments(4);

      const resumed = await drain(connector(), source(COMMENTS), lastCursor([firstPage]));
      expect(resumed.error).toBeUndefined();
      const all = [...firstPage.mentions.map((m) => m.externalId), ...ids(resumed.pages)];
      expect(new Set(all).size).toBe(all.length);
      expect(new Set(all)).toEqual(new Set([...older, ...newer]));
    });
  });

  describe('videos mentioning the brand', () => {
    const SEARCH = { searchTerms: 'acme' };
    const addVideo = (title: string) =>
      yt.sim.store.addVideo({
        title,
        description: 'Full review',
        channelId: 'UCcreatorChannel00000001',
        channelTitle: 'Tech & Co',
      }).id;

    it('finds new matching videos, with decoded title and description as the text', async () => {
      const match = addVideo("Acme's new router: 3 months later");
      addVideo('Gardening tips for spring');
      const { pages, error } = await drain(connector(), source(SEARCH), {});
      expect(error).toBeUndefined();
      expect(pages.flatMap((p) => p.mentions)).toEqual([
        {
          platform: 'youtube',
          externalId: match,
          sourceId: 'yt-source-1',
          text: "Acme's new router: 3 months later\n\nFull review",
          url: `https://www.youtube.com/watch?v=${match}`,
          platformLang: null,
          author: {
            externalId: 'UCcreatorChannel00000001',
            handle: 'Tech & Co',
            name: 'Tech & Co',
            followers: 0,
            verified: false,
          },
          postedAt: '2025-01-15T18:00:00.000Z',
          metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
          inReplyToExternalId: null,
        },
      ]);
      expect(yt.sim.quota.state()).toMatchObject({ searchCalls: 1, used: 0 });
      expect(lastCursor(pages).quota).toEqual({ day: '2025-01-15', used: 0, searchCalls: 1 });
    });

    it('spaces searches so the 100-call bucket lasts the day, and never repeats a video', async () => {
      addVideo('Acme unboxing');
      const first = await drain(connector(), source(SEARCH), {});
      expect(ids(first.pages)).toHaveLength(1);

      const tooSoon = await drain(connector(), source(SEARCH), lastCursor(first.pages));
      expect(tooSoon.pages).toHaveLength(1);
      expect(tooSoon.pages[0]).toMatchObject({ mentions: [], done: true });
      expect(yt.sim.quota.state().searchCalls).toBe(1);

      clock.advance(15 * MINUTE);
      const later = [addVideo('Acme support saved my day'), addVideo('Why I left Acme')];
      const next = await drain(connector(), source(SEARCH), lastCursor(tooSoon.pages));
      expect(ids(next.pages)).toEqual([...later].reverse());
      expect(yt.sim.quota.state().searchCalls).toBe(2);
    });

    it('marks only the last page of a cycle done when reading comments and videos', async () => {
      addComments(120);
      addVideo('Acme review');
      const { pages } = await drain(connector(), source({ ...COMMENTS, ...SEARCH }), {});
      expect(pages.map((p) => [p.mentions.length, p.done])).toEqual([
        [100, false],
        [20, false],
        [1, true],
      ]);
    });
  });

  describe('quota', () => {
    it('stops polling before the budget runs out, keeps the count in the cursor, and resumes after Pacific midnight', async () => {
      const all = addComments(800);
      const tight = { dailyQuotaUnits: 10, quotaReserve: 5 };
      const first = await drain(connector(tight), source(COMMENTS), {});
      expect(first.pages).toHaveLength(5);
      expect(first.error).toBeInstanceOf(RateLimitedError);
      expect((first.error as RateLimitedError).resumeAt.toISOString()).toBe('2025-01-16T08:00:00.000Z');
      expect(yt.sim.quota.state().used).toBe(5);
      expect(lastCursor(first.pages).quota).toEqual({ day: '2025-01-15', used: 5, searchCalls: 0 });

      // A restarted worker reads the spending from the cursor and asks YouTube nothing.
      const restarted = await drain(connector(tight), source(COMMENTS), lastCursor(first.pages));
      expect(restarted.pages).toEqual([]);
      expect(restarted.error).toBeInstanceOf(RateLimitedError);
      expect(yt.sim.quota.state().used).toBe(5);

      clock.set('2025-01-16T08:00:00Z');
      const nextDay = await drain(connector(tight), source(COMMENTS), lastCursor(first.pages));
      expect(nextDay.error).toBeUndefined();
      expect(nextDay.pages.at(-1)).toMatchObject({
        done: true,
        quota: { used: 3, resetAt: '2025-01-17T08:00:00.000Z' },
      });
      const seen = [...ids(first.pages), ...ids(nextDay.pages)];
      expect(new Set(seen).size).toBe(800);
      expect(new Set(seen)).toEqual(new Set(all));
    });

    it('turns YouTube quotaExceeded into RateLimitedError until Pacific midnight', async () => {
      addComments(3);
      yt.sim.quota.set({ used: 10_000 });
      const { pages, error } = await drain(connector(), source(COMMENTS), {});
      expect(pages).toEqual([]);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).resumeAt.toISOString()).toBe('2025-01-16T08:00:00.000Z');
      expect((error as Error).message).toContain('quotaExceeded');
      expect((error as Error).message).not.toMatch(/<a |href=/);
    });

    it('treats the injected rate-limit fault (403 quotaExceeded) the same way, in summer time too', async () => {
      clock.set('2025-07-15T18:00:00Z');
      yt.faults.schedule('youtube.commentThreads', 'rate-limit', 1);
      const { error } = await drain(connector(), source(COMMENTS), {});
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).resumeAt.toISOString()).toBe('2025-07-16T07:00:00.000Z');
    });
  });

  describe('errors', () => {
    const expectNoSecrets = (error: unknown) => {
      expect(error).toBeInstanceOf(ConnectorError);
      const text = `${(error as Error).message} ${String((error as Error).stack)}`;
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(ACCESS_TOKEN);
    };

    it('maps 401 to ConnectorAuthError', async () => {
      yt.faults.schedule('youtube.commentThreads', 'unauthorized', 1);
      const { error } = await drain(connector(), source(COMMENTS), {});
      expect(error).toBeInstanceOf(ConnectorAuthError);
      expect((error as ConnectorError).retryable).toBe(false);
      expectNoSecrets(error);
    });

    it('maps a rejected API key and missing credentials to ConnectorAuthError', async () => {
      await yt.close();
      yt = await startSim(clock, { apiKeys: ['some-other-key'] });
      const rejected = await drain(connector(), source(COMMENTS), {});
      expect(rejected.error).toBeInstanceOf(ConnectorAuthError);
      expect((rejected.error as Error).message).toContain('keyInvalid');
      expectNoSecrets(rejected.error);

      const none = await drain(connector(), source(COMMENTS, {}), {});
      expect(none.error).toBeInstanceOf(ConnectorAuthError);
    });

    it('maps a body that is not JSON, or lacks required fields, to ConnectorPayloadError', async () => {
      yt.faults.schedule('youtube.commentThreads', 'malformed-json', 1);
      const malformed = await drain(connector(), source(COMMENTS), {});
      expect(malformed.error).toBeInstanceOf(ConnectorPayloadError);
      expectNoSecrets(malformed.error);

      addComments(2);
      yt.faults.schedule('youtube.commentThreads', 'missing-fields', 1);
      const partial = await drain(connector(), source(COMMENTS), {});
      expect(partial.error).toBeInstanceOf(ConnectorPayloadError);
      expect((partial.error as Error).message).toContain('items.0.snippet');
    });

    it('maps 500 backendError to a retryable ConnectorError', async () => {
      yt.faults.schedule('youtube.commentThreads', 'server-error', 1);
      const { error } = await drain(connector(), source(COMMENTS), {});
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).not.toBeInstanceOf(ConnectorAuthError);
      expect(error).not.toBeInstanceOf(RateLimitedError);
      expect((error as ConnectorError).retryable).toBe(true);
      expect((error as Error).message).toContain('HTTP 500 backendError');
      expectNoSecrets(error);
      // No hidden retry by the client: exactly one request reached YouTube.
      expect(yt.sim.quota.state().used).toBe(1);
    });

    it('keeps credentials out of network and timeout errors', async () => {
      yt.faults.schedule('youtube.search', 'slow', 1);
      const slow = await drain(connector({ timeoutMs: 10 }), source({ searchTerms: 'acme' }), {});
      expect((slow.error as ConnectorError).retryable).toBe(true);
      expectNoSecrets(slow.error);

      const rootUrl = yt.rootUrl;
      await yt.close();
      const refused = await drain(new YouTubeConnector({ rootUrl, now: clock.now }), source(COMMENTS), {});
      expect((refused.error as ConnectorError).retryable).toBe(true);
      expect((refused.error as Error).message).toContain('no response');
      expectNoSecrets(refused.error);
      yt = await startSim(clock);
    });

    it('rejects a source with neither a channel nor search terms, for good', async () => {
      const { error } = await drain(connector(), source({}), {});
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).retryable).toBe(false);
    });
  });

  describe('reply', () => {
    it('posts the reply exactly once with the access token and charges 50 units', async () => {
      const [parentId] = addComments(1);
      const yc = connector();
      const ctx = source(COMMENTS, { apiKey: API_KEY, accessToken: ACCESS_TOKEN });
      const posted = await yc.reply(
        ctx,
        { externalId: parentId!, authorHandle: 'someone', text: 'wifi drops' },
        'Sorry! DM us.',
      );

      const replies = yt.sim.store.replies();
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ parentId, text: 'Sorry! DM us.', id: posted.externalId });
      expect(posted.url).toBe(`https://www.youtube.com/watch?v=${replies[0]!.videoId}&lc=${posted.externalId}`);
      expect(yt.sim.quota.state().used).toBe(50);

      // The poll in the same process counts the reply's units.
      const { pages } = await drain(yc, ctx, {});
      expect(pages.at(-1)!.quota?.used).toBe(51);
    });

    it('needs an access token: an API key alone posts nothing', async () => {
      const [parentId] = addComments(1);
      await expect(
        connector().reply(source(COMMENTS), { externalId: parentId!, authorHandle: 'someone', text: 'x' }, 'Hi'),
      ).rejects.toBeInstanceOf(ConnectorAuthError);
      expect(yt.sim.store.replies()).toEqual([]);
    });

    it('maps a refused reply to an error without the token in it', async () => {
      yt.faults.schedule('youtube.comments', 'unauthorized', 1);
      const ctx = source(COMMENTS, { accessToken: ACCESS_TOKEN });
      const error: unknown = await connector()
        .reply(ctx, { externalId: 'UgzNope', authorHandle: 'x', text: 'x' }, 'Hi')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorAuthError);
      expect((error as Error).message).not.toContain(ACCESS_TOKEN);
      expect(yt.sim.store.replies()).toEqual([]);
    });
  });
});
