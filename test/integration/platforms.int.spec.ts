import { createHmac } from 'node:crypto';
import type { SourceView } from '@lp/domain';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

const APP_SECRET = 'test-app-secret';
const VERIFY_TOKEN = 'test-verify-token';

describe('every platform through the worker: X, Facebook, YouTube and feeds from the simulator', () => {
  const { pipeline } = usePipelineWithClient({
    suite: 'platforms',
    env: {
      FEED_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      FACEBOOK_APP_SECRET: APP_SECRET,
      FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN,
    },
    // Platform base URLs point at the simulator, whose port is only known once it is chosen.
    envFromUrls: (sim) => ({ FACEBOOK_GRAPH_BASE_URL: `${sim}/v26.0/`, YOUTUBE_API_ROOT_URL: `${sim}/` }),
  });
  const api = (path: string, init: RequestInit = {}) => pipeline.apiFetch(`/api${path}`, init);
  /** Webhooks are public: Meta calls them without our tokens. */
  const publicApi = (path: string, init: RequestInit = {}) =>
    fetch(`${pipeline.apiUrl}/api${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  const simPost = (path: string, body: unknown) =>
    fetch(`${pipeline.simulatorUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const countByPlatform = async () =>
    Object.fromEntries(
      (
        await query<{ platform: string; n: number }>(
          TEST_DATABASE_URL,
          'SELECT platform, count(*)::int AS n FROM mentions GROUP BY platform',
        )
      ).map((r) => [r.platform, r.n]),
    ) as Record<string, number>;

  it('ingests each platform’s mentions once and keeps every source healthy', async () => {
    const sources = [
      {
        platform: 'facebook',
        name: 'FB page',
        settings: { pageId: '448000000000001' },
        credentials: { pageAccessToken: 'sim-page-token' },
      },
      {
        platform: 'youtube',
        name: 'YT channel',
        settings: { channelId: 'UCacmeSimulatedChannel01' },
        credentials: { apiKey: 'yt-key' },
      },
      { platform: 'feed', name: 'Alert', settings: { url: `${pipeline.simulatorUrl}/feeds/google-alerts/acme` } },
    ];
    const created: SourceView[] = [];
    for (const s of sources) {
      const res = await api('/sources', { method: 'POST', body: JSON.stringify({ ...s, pollIntervalMs: 1_000 }) });
      expect(res.status).toBe(201);
      created.push((await res.json()) as SourceView);
    }
    await pipeline.emit(10);
    expect((await simPost('/__sim/facebook/posts', { count: 3, commentsPerPost: 2 })).ok).toBe(true);
    expect((await simPost('/__sim/youtube/comments', { count: 7 })).ok).toBe(true);
    expect((await simPost('/__sim/feeds/items', { alertId: 'acme', count: 4 })).ok).toBe(true);

    await waitFor(
      'mentions from all four platforms',
      async () => {
        const c = await countByPlatform();
        return c.x === 10 && c.facebook !== undefined && c.youtube !== undefined && c.feed !== undefined;
      },
      60_000,
    );
    // Several more polls pass: nothing is ingested twice.
    const settled = await countByPlatform();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await countByPlatform()).toEqual(settled);
    expect(settled.youtube).toBeGreaterThanOrEqual(7);
    expect(settled.feed).toBeGreaterThanOrEqual(4);

    for (const s of created) {
      const view = (await (await api(`/sources/${s.id}`)).json()) as SourceView;
      expect([view.platform, view.health, view.lastError]).toEqual([s.platform, 'healthy', null]);
    }
    const yt = (await (await api(`/sources/${created[1]!.id}`)).json()) as SourceView;
    expect(yt.quota).toMatchObject({ limit: 10_000 });
    expect(yt.quota!.used).toBeGreaterThan(0);
  });

  it('accepts a signed Facebook webhook delivery and rejects a tampered or unsigned one', async () => {
    const handshake = await publicApi(
      `/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect([handshake.status, await handshake.text()]).toEqual([200, '1158201444']);
    expect(
      (await publicApi(`/webhooks/facebook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status,
    ).toBe(403);

    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: '448000000000001',
          time: 1742667607,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: '1221_777001',
                post_id: '448000000000001_1221',
                parent_id: '448000000000001_1221',
                message: 'webhook says: my acme router is down',
                created_time: 1742667604,
                from: { id: '555', name: 'Some Person' },
              },
            },
          ],
        },
      ],
    });
    const sign = (b: string) => `sha256=${createHmac('sha256', APP_SECRET).update(b).digest('hex')}`;
    const send = (b: string, signature?: string) =>
      publicApi('/webhooks/facebook', {
        method: 'POST',
        body: b,
        headers: signature ? { 'x-hub-signature-256': signature } : {},
      });

    expect((await send(body.replace('down', 'fine'), sign(body))).status).toBe(401);
    expect((await send(body)).status).toBe(401);
    const accepted = await send(body, sign(body));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ queued: 1 });
    await waitFor('webhook mention stored', async () => {
      const rows = await query(
        TEST_DATABASE_URL,
        "SELECT 1 FROM mentions WHERE platform = 'facebook' AND external_id = '1221_777001'",
      );
      return rows.length === 1;
    });
    const tampered = await query(TEST_DATABASE_URL, "SELECT 1 FROM mentions WHERE text LIKE '%router is fine%'");
    expect(tampered).toEqual([]);
  });
});
