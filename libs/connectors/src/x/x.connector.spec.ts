import { createSimulator, type Simulator } from '../../../../apps/simulator/src/simulator.app';
import { ConnectorAuthError, ConnectorError, RateLimitedError } from '../shared/connector-errors';
import type { ConnectorCursor, ConnectorPage, SourceContext } from '../shared/source-connector';
import { XConnector } from './x.connector';

async function drain(gen: AsyncGenerator<ConnectorPage>): Promise<ConnectorPage[]> {
  const pages: ConnectorPage[] = [];
  for await (const page of gen) pages.push(page);
  return pages;
}

describe('XConnector against the simulator (twitter-api-v2 on the wire)', () => {
  let simulator: Simulator;
  let base: string;
  let connector: XConnector;
  const source = (settings: Record<string, unknown> = {}, credentials: Record<string, string> = {}): SourceContext => ({
    sourceId: '00000000-0000-4000-8000-000000000001',
    settings: { query: 'acme', ...settings },
    credentials,
  });
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeEach(async () => {
    simulator = createSimulator({ rate: 0, xRateLimit: 450, seed: 7 });
    const port = await simulator.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
    connector = new XConnector({ baseUrl: `${base}/`, defaultBearerToken: 'app-token' });
  });
  afterEach(() => simulator.close());

  it('pages to the end with next_token, then resumes from its cursor with no gap and no duplicate', async () => {
    await post('/__sim/mentions', { count: 250 });
    const first = await drain(connector.poll(source(), {}));
    expect(first.map((p) => p.mentions.length)).toEqual([100, 100, 50]);
    expect(first.at(-1)!.done).toBe(true);
    const ids = first.flatMap((p) => p.mentions.map((m) => m.externalId));
    expect(new Set(ids).size).toBe(250);

    await post('/__sim/mentions', { count: 30 });
    // A fresh connector (a restarted worker) given the saved cursor sees exactly the 30 new ones.
    const restarted = new XConnector({ baseUrl: `${base}/`, defaultBearerToken: 'app-token' });
    const second = await drain(restarted.poll(source(), first.at(-1)!.cursor));
    const newIds = second.flatMap((p) => p.mentions.map((m) => m.externalId));
    expect(newIds).toHaveLength(30);
    expect(newIds.filter((id) => ids.includes(id))).toEqual([]);
    expect(second.at(-1)!.rateLimit).toMatchObject({ limit: 450, remaining: 446 });
  });

  it('never ingests our own account’s posts', async () => {
    await post('/__sim/mentions', { count: 40 });
    const all = (await drain(connector.poll(source(), {}))).flatMap((p) => p.mentions);
    const ownUserId = all[0]!.author.externalId;
    const filtered = (await drain(connector.poll(source({ ownUserId }), {}))).flatMap((p) => p.mentions);
    expect(filtered.length).toBe(all.filter((m) => m.author.externalId !== ownUserId).length);
    expect(filtered.some((m) => m.author.externalId === ownUserId)).toBe(false);
  });

  it('stops at a spent window mid-cycle with the cursor still pending, and reports 429 as RateLimitedError', async () => {
    await simulator.close();
    simulator = createSimulator({ rate: 0, xRateLimit: 2, seed: 7 });
    const port = await simulator.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
    connector = new XConnector({ baseUrl: `${base}/`, defaultBearerToken: 'app-token' });
    await post('/__sim/mentions', { count: 350 });

    const pages = await drain(connector.poll(source(), {}));
    expect(pages).toHaveLength(2);
    const cursor: ConnectorCursor = pages.at(-1)!.cursor;
    expect(cursor).toHaveProperty('pending.nextToken');
    expect(pages.at(-1)!.rateLimit?.remaining).toBe(0);

    const error = await drain(connector.poll(source(), cursor)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resumeAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('reports refused credentials as ConnectorAuthError', async () => {
    await post('/__sim/faults', { endpoint: 'x.search', mode: 'unauthorized', times: 1 });
    await expect(drain(connector.poll(source(), {}))).rejects.toBeInstanceOf(ConnectorAuthError);
  });

  it('posts a reply once, with the platform id, and records it on the simulator', async () => {
    await post('/__sim/mentions', { count: 1, text: 'hey @AcmeSupport my router is down' });
    const [mention] = (await drain(connector.poll(source(), {}))).flatMap((p) => p.mentions);
    const credentials = { appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'x' };
    const posted = await connector.reply(
      source({ accountHandle: 'AcmeSupport' }, credentials),
      { externalId: mention!.externalId, authorHandle: mention!.author.handle, text: mention!.text },
      'Sorry about that! We are on it.',
    );
    expect(posted.url).toBe(`https://x.com/AcmeSupport/status/${posted.externalId}`);
    const { items } = (await (await fetch(`${base}/__sim/x/replies`)).json()) as {
      items: Array<Record<string, string>>;
    };
    expect(items).toEqual([expect.objectContaining({ id: posted.externalId, inReplyToTweetId: mention!.externalId })]);
  });

  it('refuses up front a reply X would refuse: the post does not mention our account', async () => {
    const target = { externalId: '1790000000000000001', authorHandle: 'someone', text: 'acme routers are bad' };
    const error = await connector
      .reply(source({ accountHandle: 'AcmeSupport' }, { userAccessToken: 'u' }), target, 'hello')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/mention or quote @AcmeSupport/);
    const { items } = (await (await fetch(`${base}/__sim/x/replies`)).json()) as { items: unknown[] };
    expect(items).toEqual([]);
  });

  it('needs user-context credentials to reply', async () => {
    const target = { externalId: '1790000000000000001', authorHandle: 'someone', text: '@AcmeSupport help' };
    await expect(connector.reply(source(), target, 'hi')).rejects.toBeInstanceOf(ConnectorAuthError);
  });
});
