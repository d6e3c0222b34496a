import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import iconv from 'iconv-lite';
import { MentionGenerator } from '../../../../apps/simulator/src/chatter/mention-generator';
import { FaultInjector } from '../../../../apps/simulator/src/faults';
import { FeedStore } from '../../../../apps/simulator/src/feeds/feed-store';
import { feedRouter } from '../../../../apps/simulator/src/feeds/feed.routes';
import { ConnectorError, ConnectorPayloadError, RateLimitedError } from '../shared/connector-errors';
import type { ConnectorCursor, ConnectorPage, SourceContext } from '../shared/source-connector';
import { FeedConnector, type FeedConnectorOptions } from './feed.connector';

const MiB = 1024 * 1024;

describe('FeedConnector against the simulator feeds', () => {
  let server: http.Server;
  let base: string;
  const faults = new FaultInjector();
  const store = new FeedStore(new MentionGenerator(7), { growEveryMs: 0, initialItems: 5 });
  const statuses: number[] = [];

  beforeAll(async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.on('finish', () => statuses.push(res.statusCode));
      next();
    });
    app.use(feedRouter({ store, faults, hugeBytes: 2 * MiB, bombBytes: 32 * MiB, slowMs: 5_000 }));
    // Test-only routes: redirects and charset declarations the simulator feeds do not exercise.
    app.get('/redirect/private', (_req, res) => res.redirect(302, 'http://10.0.0.5:8080/feed.xml'));
    app.get('/redirect/metadata', (_req, res) => res.redirect(301, 'http://169.254.169.254/latest/meta-data/'));
    app.get('/redirect/chain/:n', (req, res) => {
      const n = Number(req.params.n);
      res.redirect(302, n > 0 ? `/redirect/chain/${n - 1}` : '/feeds/rss/chain');
    });
    app.get('/charset/header-over-prolog', (_req, res) => {
      const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Новости</title><item><title>Привет, Acme</title><guid>cyr-1</guid></item></channel></rss>`;
      res.setHeader('content-type', 'application/rss+xml; charset="windows-1251"');
      res.end(iconv.encode(xml, 'windows-1251'));
    });
    app.get('/charset/prolog', (_req, res) => {
      const xml = `<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Blog</title><item><title>“Acme” café</title><guid>w-1</guid></item></channel></rss>`;
      res.setHeader('content-type', 'application/rss+xml');
      res.end(iconv.encode(xml, 'windows-1252'));
    });
    app.get('/charset/bom', (_req, res) => {
      const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Blog</title><item><title>Grüße von Acme</title><guid>b-1</guid></item></channel></rss>`;
      res.setHeader('content-type', 'application/rss+xml; charset=ISO-8859-1');
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]));
    });
    app.get('/gone', (_req, res) => res.status(404).end());
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    faults.clear();
  });

  const connector = (options: FeedConnectorOptions = {}) =>
    new FeedConnector({ allowPrivateHosts: ['127.0.0.1'], maxBytes: MiB, timeoutMs: 3_000, ...options });
  const source = (url: string): SourceContext => ({ sourceId: 'src-feed', settings: { url }, credentials: {} });

  async function pollOnce(url: string, cursor: ConnectorCursor = {}, c = connector()): Promise<ConnectorPage> {
    const pages: ConnectorPage[] = [];
    for await (const page of c.poll(source(url), cursor)) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.done).toBe(true);
    return pages[0] as ConnectorPage;
  }

  async function pollError(url: string, c = connector()): Promise<ConnectorError> {
    const error = await pollOnce(url, {}, c).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }

  describe('Google Alerts', () => {
    it('unwraps redirect links, strips markup and decodes entities', async () => {
      const page = await pollOnce(`${base}/feeds/google-alerts/unwrap`);
      expect(page.mentions).toHaveLength(5);
      for (const mention of page.mentions) {
        expect(mention.platform).toBe('feed');
        expect(mention.externalId).toMatch(/^tag:google\.com,2013:googlealerts\/feed:\d+$/);
        // The article URL exactly as Google carried it, percent-encoding included.
        expect(mention.url).toMatch(/^https:\/\/news\d\.example\.com\/\d{4}\/acme%E2%80%99s-[a-z0-9_]+-\d+$/);
        expect(mention.text).not.toMatch(/<\/?b>|&lt;|&gt;|&amp;|&nbsp;/);
        expect(mention.text).toMatch(/acme/i);
        expect(mention.text).toContain(' — ');
        const host = new URL(mention.url).hostname;
        expect(mention.author).toEqual({ externalId: host, handle: host, name: host, followers: 0, verified: false });
        expect(mention.sourceId).toBe('src-feed');
      }
      const times = page.mentions.map((m) => Date.parse(m.postedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times); // served newest first
    });

    it('yields only new items after the simulator publishes more, resuming from a saved cursor', async () => {
      const first = await pollOnce(`${base}/feeds/google-alerts/resume`);
      const saved = JSON.parse(JSON.stringify(first.cursor)) as ConnectorCursor;
      const added = await fetch(`${base}/__sim/feeds/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ alertId: 'resume', count: 3 }),
      });
      expect(added.status).toBe(201);
      const second = await pollOnce(`${base}/feeds/google-alerts/resume`, saved);
      expect(second.mentions).toHaveLength(3);
      const before = new Set(first.mentions.map((m) => m.externalId));
      expect(second.mentions.some((m) => before.has(m.externalId))).toBe(false);
      const third = await pollOnce(`${base}/feeds/google-alerts/resume`, second.cursor);
      expect(third.mentions).toEqual([]);
    });

    it('yields nothing when the feed re-serves old items (no validators sent)', async () => {
      const first = await pollOnce(`${base}/feeds/google-alerts/reserve`);
      const { seen } = first.cursor as { seen: string[] };
      statuses.length = 0;
      const again = await pollOnce(`${base}/feeds/google-alerts/reserve`, { seen });
      expect(statuses).toEqual([200]);
      expect(again.mentions).toEqual([]);
      expect(again.cursor.seen).toEqual(seen);
    });
  });

  describe('conditional GET', () => {
    it('sends the stored ETag and gets 304 with no mentions', async () => {
      const first = await pollOnce(`${base}/feeds/rss/conditional`);
      expect(first.cursor.etag).toMatch(/^".+"$/);
      statuses.length = 0;
      const second = await pollOnce(`${base}/feeds/rss/conditional`, first.cursor);
      expect(statuses).toEqual([304]);
      expect(second.mentions).toEqual([]);
      expect(second.cursor).toEqual(first.cursor);
    });

    it('falls back to Last-Modified when there is no ETag', async () => {
      const first = await pollOnce(`${base}/feeds/rss/modified`);
      const { etag: _etag, ...withoutEtag } = first.cursor;
      expect(withoutEtag.lastModified).toEqual(expect.any(String));
      statuses.length = 0;
      await pollOnce(`${base}/feeds/rss/modified`, withoutEtag);
      expect(statuses).toEqual([304]);
    });

    it('ignores validators saved for a different URL', async () => {
      const first = await pollOnce(`${base}/feeds/rss/url-a`);
      statuses.length = 0;
      const other = await pollOnce(`${base}/feeds/rss/url-b`, { ...first.cursor, etag: first.cursor.etag });
      expect(statuses).toEqual([200]);
      expect(other.mentions.length).toBeGreaterThan(0);
    });
  });

  describe('RSS', () => {
    it('resolves relative links and keys guid-less items by hash', async () => {
      const page = await pollOnce(`${base}/feeds/rss/support`);
      expect(page.mentions).toHaveLength(5);
      for (const mention of page.mentions) {
        expect(mention.url).toMatch(new RegExp(`^${base}/forum/support/posts/\\d+$`));
        expect(mention.text).toContain('« Café forum »');
        expect(mention.author.handle).toBe('127.0.0.1');
      }
      const ids = page.mentions.map((m) => m.externalId);
      expect(ids.filter((id) => /^h:[0-9a-f]{64}$/.test(id)).length).toBeGreaterThan(0);
      expect(ids.filter((id) => id.startsWith('forum-support-')).length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('decodes the ISO-8859-1 variant', async () => {
      const page = await pollOnce(`${base}/feeds/rss-latin1/support`);
      expect(page.mentions).toHaveLength(5);
      expect(page.mentions.every((m) => m.text.includes('« Café forum »') && !m.text.includes('\uFFFD'))).toBe(true);
    });

    it('takes the header charset over the prolog, the prolog without a header charset, and the BOM over both', async () => {
      expect((await pollOnce(`${base}/charset/header-over-prolog`)).mentions[0]?.text).toBe('Привет, Acme');
      expect((await pollOnce(`${base}/charset/prolog`)).mentions[0]?.text).toBe('“Acme” café');
      expect((await pollOnce(`${base}/charset/bom`)).mentions[0]?.text).toBe('Grüße von Acme');
    });

    it('keeps only complete items of a truncated document (malformed fault)', async () => {
      faults.schedule('feed.fetch', 'malformed-json', 1);
      const page = await pollOnce(`${base}/feeds/rss/truncated`);
      expect(page.mentions.length).toBeLessThan(5);
      expect(page.mentions.every((m) => m.text.endsWith('« Café forum »'))).toBe(true);
    });
  });

  describe('hostile feeds', () => {
    it('rejects a body over the cap while streaming', async () => {
      const error = await pollError(`${base}/feeds/hostile/huge.xml`);
      expect(error).toBeInstanceOf(ConnectorPayloadError);
      expect(error.message).toBe('feed is larger than 1 MiB');
    });

    it('rejects a gzip bomb by its decoded size', async () => {
      const wire = await new Promise<{ bytes: number; encoding: string | undefined }>((resolve, reject) => {
        http
          .get(`${base}/feeds/hostile/gzip-bomb.xml`, (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] }));
          })
          .on('error', reject);
      });
      // Small on the wire, so a cap on downloaded bytes alone would let it through.
      expect(wire).toEqual({ bytes: expect.any(Number), encoding: 'gzip' });
      expect(wire.bytes).toBeLessThan(MiB);
      const error = await pollError(`${base}/feeds/hostile/gzip-bomb.xml`);
      expect(error).toBeInstanceOf(ConnectorPayloadError);
      expect(error.message).toBe('feed is larger than 1 MiB');
    });

    it('reports the default cap as 5 MiB', async () => {
      const error = await pollError(
        `${base}/feeds/hostile/gzip-bomb.xml`,
        new FeedConnector({ allowPrivateHosts: ['127.0.0.1'] }),
      );
      expect(error.message).toBe('feed is larger than 5 MiB');
    });

    it('does not expand billion laughs or resolve XXE', async () => {
      const lol = await pollOnce(`${base}/feeds/hostile/billion-laughs.xml`);
      expect(lol.mentions).toHaveLength(1);
      expect(lol.mentions[0]?.text).not.toContain('lollol');
      const xxe = await pollOnce(`${base}/feeds/hostile/xxe.xml`);
      expect(xxe.mentions).toHaveLength(1);
      expect(xxe.mentions[0]?.text).not.toMatch(/root:|\/bin\//);
      expect(xxe.mentions[0]?.text).toContain('&xxe;');
    });
  });

  describe('faults and HTTP errors', () => {
    it('times out a slow feed with a retryable error', async () => {
      faults.schedule('feed.fetch', 'slow', 1);
      const started = Date.now();
      const error = await pollError(`${base}/feeds/rss/slow`, connector({ timeoutMs: 300 }));
      expect(error.message).toBe('feed request timed out after 300 ms');
      expect(error.retryable).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('maps 503 to a retryable error and 404 to a permanent one', async () => {
      faults.schedule('feed.fetch', 'server-error', 1);
      const unavailable = await pollError(`${base}/feeds/rss/errors`);
      expect(unavailable.message).toBe('feed request failed with HTTP 503');
      expect(unavailable.retryable).toBe(true);
      const gone = await pollError(`${base}/gone`);
      expect(gone.message).toBe('feed not found (HTTP 404)');
      expect(gone.retryable).toBe(false);
    });

    it('honours Retry-After on 429', async () => {
      faults.schedule('feed.fetch', 'rate-limit', 1);
      const before = Date.now();
      const error = await pollError(`${base}/feeds/google-alerts/limited`);
      expect(error).toBeInstanceOf(RateLimitedError);
      const resumeAt = (error as RateLimitedError).resumeAt.getTime();
      expect(resumeAt).toBeGreaterThanOrEqual(before + 30_000);
      expect(resumeAt).toBeLessThan(Date.now() + 31_000);
    });
  });

  describe('address guard', () => {
    it('refuses 127.0.0.1 without an allow-list', async () => {
      const error = await pollError(`${base}/feeds/rss/guard`, new FeedConnector());
      expect(error.message).toBe(
        'feed URL resolves to a loopback address 127.0.0.1; allow it with FEED_ALLOW_PRIVATE_HOSTS',
      );
      expect(error.retryable).toBe(false);
    });

    it('refuses a host name that resolves to 10.x', async () => {
      const lookup = jest.fn(() => Promise.resolve([{ address: '10.0.0.5', family: 4 }]));
      const error = await pollError('http://feeds.corp.example/rss', connector({ lookup }));
      expect(error.message).toBe(
        'feed URL resolves to a private address 10.0.0.5; allow it with FEED_ALLOW_PRIVATE_HOSTS',
      );
      expect(lookup).toHaveBeenCalledWith('feeds.corp.example');
    });

    it('connects to the address it checked, not to a second DNS answer', async () => {
      // The host name exists nowhere; only the checked, pinned address makes the request reach the simulator.
      const lookup = jest.fn(() => Promise.resolve([{ address: '127.0.0.1', family: 4 }]));
      const port = new URL(base).port;
      const page = await pollOnce(`http://pinned.feeds.test:${port}/feeds/rss/pinned`, {}, connector({ lookup }));
      expect(page.mentions).toHaveLength(5);
      expect(page.mentions[0]?.url).toMatch(new RegExp(`^http://pinned\\.feeds\\.test:${port}/forum/pinned/posts/`));
      expect(lookup).toHaveBeenCalledTimes(1);
    });

    it('re-checks every redirect: a redirect to a private or metadata address is refused', async () => {
      const toPrivate = await pollError(`${base}/redirect/private`);
      expect(toPrivate.message).toBe(
        'feed URL resolves to a private address 10.0.0.5; allow it with FEED_ALLOW_PRIVATE_HOSTS',
      );
      const toMetadata = await pollError(`${base}/redirect/metadata`);
      expect(toMetadata.message).toContain('link-local address 169.254.169.254');
    });

    it('follows up to 3 redirects and no more', async () => {
      const page = await pollOnce(`${base}/redirect/chain/2`);
      expect(page.mentions).toHaveLength(5);
      // Relative links resolve against where the feed was finally found.
      expect(page.mentions[0]?.url).toMatch(new RegExp(`^${base}/forum/chain/posts/\\d+$`));
      const tooMany = await pollError(`${base}/redirect/chain/3`);
      expect(tooMany.message).toBe('feed redirected more than 3 times');
    });
  });

  it('rejects replies and settings without a URL', async () => {
    const c = connector();
    await expect(
      c.reply(source(`${base}/feeds/rss/x`), { externalId: 'x', authorHandle: 'h', text: 't' }, 'hello'),
    ).rejects.toThrow(new ConnectorError('replies are not possible on web feeds', false));
    const error = await c
      .poll({ sourceId: 's', settings: {}, credentials: {} }, {})
      .next()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ConnectorError);
    expect(c.platform).toBe('feed');
  });
});
