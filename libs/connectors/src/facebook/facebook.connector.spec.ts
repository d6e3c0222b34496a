import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { RawMention } from '@lp/domain';
import { MentionGenerator } from '../../../../apps/simulator/src/chatter/mention-generator';
import { FaultInjector } from '../../../../apps/simulator/src/faults';
import {
  FACEBOOK_SIM_PAGE_ID as PAGE_ID,
  FACEBOOK_SIM_PAGE_TOKEN as TOKEN,
  FacebookQuirks,
  FacebookStore,
  facebookRouter,
} from '../../../../apps/simulator/src/facebook/facebook.routes';
import {
  ConnectorAuthError,
  ConnectorError,
  ConnectorPayloadError,
  RateLimitedError,
} from '../shared/connector-errors';
import type { ConnectorCursor, ConnectorPage, SourceContext } from '../shared/source-connector';
import { FacebookConnector, type FacebookConnectorOptions } from './facebook.connector';

let server: http.Server;
let origin: string;
let store: FacebookStore;
let faults: FaultInjector;
let quirks: FacebookQuirks;

beforeEach(async () => {
  store = new FacebookStore(new MentionGenerator(7));
  faults = new FaultInjector();
  quirks = new FacebookQuirks();
  const app = express();
  app.use(facebookRouter({ store, faults, quirks, slowMs: 500 }));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function connector(options: Partial<FacebookConnectorOptions> = {}): FacebookConnector {
  return new FacebookConnector({ graphBaseUrl: `${origin}/v26.0/`, timeoutMs: 2_000, ...options });
}

function source(token = TOKEN): SourceContext {
  return { sourceId: 'fb-source', settings: { pageId: PAGE_ID }, credentials: { pageAccessToken: token } };
}

/** One whole cycle, as the poller would run it. */
async function drain(fb: FacebookConnector, cursor: ConnectorCursor = {}) {
  const pages: ConnectorPage[] = [];
  for await (const page of fb.poll(source(), cursor)) pages.push(page);
  const mentions = pages.flatMap((p) => p.mentions);
  return { pages, mentions, ids: mentions.map((m) => m.externalId), cursor: pages[pages.length - 1]!.cursor };
}

async function pollError(fb: FacebookConnector, token = TOKEN): Promise<unknown> {
  try {
    for await (const page of fb.poll(source(token), {})) void page;
  } catch (error) {
    return error;
  }
  throw new Error('the poll did not fail');
}

const expectUnique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);

describe('FacebookConnector.poll', () => {
  it('reports visitor posts, tagged posts and comments, but nothing the Page wrote', async () => {
    const visitor = store.addPosts({ pageId: PAGE_ID, count: 3, commentsPerPost: 3 });
    const own = store.addPosts({ pageId: PAGE_ID, count: 2, commentsPerPost: 2, fromPage: true });
    const tagged = store.addPosts({ pageId: PAGE_ID, count: 1, tagged: true });
    store.addReply(visitor[0]!.commentIds[0]!, 'Thanks, we are on it');

    const { mentions, ids, pages } = await drain(connector());

    const expected = [
      ...visitor.flatMap((p) => [p.id, ...p.commentIds]),
      ...own.flatMap((p) => p.commentIds),
      tagged[0]!.id,
    ];
    expect(ids.sort()).toEqual(expected.sort());
    expect(mentions.every((m) => m.author.externalId !== PAGE_ID)).toBe(true);
    expect(pages[pages.length - 1]!.done).toBe(true);
    expect(pages.slice(0, -1).every((p) => !p.done)).toBe(true);

    const reply = mentions.find((m) => m.externalId === visitor[0]!.commentIds[2])!;
    expect(reply.inReplyToExternalId).toBe(visitor[0]!.commentIds[1]);
    const topLevel = mentions.find((m) => m.externalId === visitor[0]!.commentIds[0])!;
    expect(topLevel).toMatchObject<Partial<RawMention>>({
      platform: 'facebook',
      sourceId: 'fb-source',
      platformLang: null,
      inReplyToExternalId: visitor[0]!.id,
    });
    expect(topLevel.url).toContain('comment_id=');
    expect(Date.parse(topLevel.postedAt)).not.toBeNaN();
  });

  it('reports the usage headers as a rate-limit snapshot', async () => {
    store.addPosts({ pageId: PAGE_ID, count: 1 });
    const { pages } = await drain(connector());
    expect(pages[0]!.rateLimit).toEqual({ limit: 100, remaining: 100, resetAt: null });
  });

  it('pages to the end across an empty page that still has a next link', async () => {
    store.addPosts({ pageId: PAGE_ID, count: 230 });
    quirks.schedule('facebook.feed', 'empty-page', 1);
    const { pages, ids } = await drain(connector());
    expect(ids).toHaveLength(230);
    expectUnique(ids);
    expect(pages[0]!.mentions).toHaveLength(0);
    expect(pages[0]!.done).toBe(false);
  });

  it('drops the items that overlapping pages repeat', async () => {
    const posts = store.addPosts({ pageId: PAGE_ID, count: 250, commentsPerPost: 0 });
    store.addComments(posts[0]!.id, 150);
    quirks.schedule('facebook.feed', 'duplicate-page', 2);
    quirks.schedule('facebook.comments', 'duplicate-page', 1);
    const { ids } = await drain(connector());
    expect(ids).toHaveLength(400);
    expectUnique(ids);
  });

  it('hands over only new mentions on the next cycle, though the overlap window re-reads old ones', async () => {
    store.addPosts({ pageId: PAGE_ID, count: 20, commentsPerPost: 2 });
    const fb = connector();
    const first = await drain(fb);
    expect(first.ids).toHaveLength(60);

    const again = await drain(fb, first.cursor);
    expect(again.ids).toEqual([]);

    const added = store.addPosts({ pageId: PAGE_ID, count: 5, commentsPerPost: 1 });
    const second = await drain(fb, again.cursor);
    expect(second.ids.sort()).toEqual(added.flatMap((p) => [p.id, ...p.commentIds]).sort());
  });

  it('resumes from a saved mid-cycle cursor after a restart, with no gap and no duplicate', async () => {
    store.addPosts({ pageId: PAGE_ID, count: 260, commentsPerPost: 1 });
    const everything = (await drain(connector())).ids.sort();
    expect(everything).toHaveLength(520);

    // The first process queues three pages, saving each cursor, then dies.
    const queued: string[] = [];
    let saved: ConnectorCursor = {};
    const generator = connector().poll(source(), {});
    for (let i = 0; i < 3; i++) {
      const { value } = await generator.next();
      const page = value as ConnectorPage;
      queued.push(...page.mentions.map((m) => m.externalId));
      saved = JSON.parse(JSON.stringify(page.cursor)) as ConnectorCursor;
    }
    await generator.return(undefined);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.length).toBeLessThan(520);

    const late = store.addPosts({ pageId: PAGE_ID, count: 2 });
    const resumed = await drain(connector(), saved);
    const all = [...queued, ...resumed.ids];
    expectUnique(all);
    expect(all.sort()).toEqual([...everything, ...late.map((p) => p.id)].sort());
  });

  it('keeps reading new comments on recent posts that left the time window', async () => {
    const [old] = store.addPosts({ pageId: PAGE_ID, count: 1, ageMinutes: 120 });
    store.addPosts({ pageId: PAGE_ID, count: 1 });
    const fb = connector();
    const first = await drain(fb);
    expect(first.ids).toHaveLength(2);

    const fresh = store.addComments(old!.id, 2)!;
    const second = await drain(fb, first.cursor);
    expect(second.ids.sort()).toEqual([...fresh].sort());
  });
});

describe('FacebookConnector errors', () => {
  beforeEach(() => {
    store.addPosts({ pageId: PAGE_ID, count: 3, commentsPerPost: 1 });
  });

  it('turns a throttle (#80001) into RateLimitedError resuming when Meta estimates', async () => {
    faults.schedule('facebook.feed', 'rate-limit', 1);
    const before = Date.now();
    const error = await pollError(connector());
    expect(error).toBeInstanceOf(RateLimitedError);
    const resumeAt = (error as RateLimitedError).resumeAt.getTime();
    // The simulator says 5 minutes in estimated_time_to_regain_access.
    expect(resumeAt).toBeGreaterThanOrEqual(before + 5 * 60_000);
    expect(resumeAt).toBeLessThan(Date.now() + 5 * 60_000 + 1_000);
  });

  it('turns 190 into ConnectorAuthError with the reason, never the token', async () => {
    faults.schedule('facebook.feed', 'unauthorized', 1);
    const error = await pollError(connector());
    expect(error).toBeInstanceOf(ConnectorAuthError);
    expect((error as Error).message).toContain('Page access token expired or invalid');
    expect((error as Error).message).not.toContain(TOKEN);

    const unknown = await pollError(connector(), 'not-a-known-token-123');
    expect(unknown).toBeInstanceOf(ConnectorAuthError);
    expect((unknown as Error).message).not.toContain('not-a-known-token-123');

    const expired = await pollError(connector(), 'expired-token');
    expect(expired).toBeInstanceOf(ConnectorAuthError);
    expect((expired as Error).message).toContain('the token expired');
    expect((expired as Error).message).not.toContain('expired-token');
  });

  it('turns malformed JSON and schema violations into ConnectorPayloadError', async () => {
    faults.schedule('facebook.feed', 'malformed-json', 1);
    expect(await pollError(connector())).toBeInstanceOf(ConnectorPayloadError);
    faults.schedule('facebook.feed', 'missing-fields', 1);
    const missing = await pollError(connector());
    expect(missing).toBeInstanceOf(ConnectorPayloadError);
    expect((missing as Error).message).toContain('created_time');
  });

  it('treats a Graph service error (code 2, HTTP 500) and a timeout as retryable', async () => {
    faults.schedule('facebook.feed', 'server-error', 1);
    const server500 = await pollError(connector());
    expect(server500).toBeInstanceOf(ConnectorError);
    expect(server500).not.toBeInstanceOf(ConnectorPayloadError);
    expect((server500 as ConnectorError).retryable).toBe(true);

    faults.schedule('facebook.feed', 'slow', 1);
    const slow = await pollError(connector({ timeoutMs: 100 }));
    expect(slow).toBeInstanceOf(ConnectorError);
    expect((slow as ConnectorError).retryable).toBe(true);
    expect((slow as Error).message).toContain('timed out');
  });

  it('hands over the pages fetched before a failure, then fails', async () => {
    faults.schedule('facebook.comments', 'server-error', 1);
    const pages: ConnectorPage[] = [];
    let failure: unknown;
    try {
      for await (const page of connector().poll(source(), {})) pages.push(page);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.mentions).toHaveLength(3);
    expect(pages[0]!.done).toBe(false);
    // Resuming from that page's cursor loses nothing and repeats nothing.
    const resumed = await drain(connector(), pages[0]!.cursor);
    expect(resumed.ids).toHaveLength(3);
    expectUnique([...pages[0]!.mentions.map((m) => m.externalId), ...resumed.ids]);
  });

  it('refuses to poll without a Page id or a token', async () => {
    const noToken = connector().poll({ sourceId: 's', settings: { pageId: PAGE_ID }, credentials: {} }, {});
    await expect(noToken.next()).rejects.toBeInstanceOf(ConnectorAuthError);
    const noPage = connector().poll({ sourceId: 's', settings: {}, credentials: { pageAccessToken: TOKEN } }, {});
    await expect(noPage.next()).rejects.toThrow('pageId');
  });
});

describe('FacebookConnector.reply', () => {
  it('posts one reply to a comment and returns its id and URL', async () => {
    const [post] = store.addPosts({ pageId: PAGE_ID, count: 1, commentsPerPost: 1 });
    const commentId = post!.commentIds[0]!;
    const posted = await connector().reply(
      source(),
      { externalId: commentId, parentExternalId: post!.id, authorHandle: '1', text: 'help' },
      'Sorry about that, we sent you a DM',
    );
    expect(store.replies).toEqual([
      expect.objectContaining({
        id: posted.externalId,
        targetId: commentId,
        message: 'Sorry about that, we sent you a DM',
      }),
    ]);
    expect(posted.url).toContain(`comment_id=${posted.externalId}`);

    // The Page's own reply is in the comment stream now, and is not a mention.
    const { ids } = await drain(connector());
    expect(ids).not.toContain(posted.externalId);
  });

  it('answers a post the same way', async () => {
    const [post] = store.addPosts({ pageId: PAGE_ID, count: 1 });
    const posted = await connector().reply(source(), { externalId: post!.id, authorHandle: '1', text: 'x' }, 'Hi!');
    expect(store.replies.map((r) => [r.id, r.targetId])).toEqual([[posted.externalId, post!.id]]);
  });

  it('records nothing when Graph refuses, and says why', async () => {
    const [post] = store.addPosts({ pageId: PAGE_ID, count: 1 });
    faults.schedule('facebook.reply', 'server-error', 1);
    const target = { externalId: post!.id, authorHandle: '1', text: 'x' };
    await expect(connector().reply(source(), target, 'Hi!')).rejects.toMatchObject({ retryable: true });
    await expect(connector().reply(source(), { ...target, externalId: 'nope_1' }, 'Hi!')).rejects.toThrow(
      /does not exist/,
    );
    expect(store.replies).toHaveLength(0);
  });
});
