import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { MentionGenerator } from '../chatter/mention-generator';
import { FaultInjector } from '../faults';
import { FeedStore } from './feed-store';
import { feedRouter } from './feed.routes';

describe('feedRouter', () => {
  let server: http.Server;
  let base: string;
  const faults = new FaultInjector();
  let clock = Date.parse('2026-05-01T10:00:00Z');
  const store = new FeedStore(new MentionGenerator(3), { growEveryMs: 60_000, initialItems: 4, now: () => clock });

  beforeAll(async () => {
    const app = express();
    app.use(feedRouter({ store, faults, hugeBytes: 256 * 1024, bombBytes: 4 * 1024 * 1024 }));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const entryIds = (xml: string) => [...xml.matchAll(/<id>(tag:google\.com,2013:[^<]+)<\/id>/g)].map((m) => m[1]);

  it('serves a Google Alerts Atom feed as Google does', async () => {
    const res = await fetch(`${base}/feeds/google-alerts/shape`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain(
      '<id>tag:google.com,2005:reader/user/06807031914929345698/state/com.google/alerts/shape</id>',
    );
    expect(entryIds(xml)).toHaveLength(4);
    expect(xml).toMatch(/<title type="html">[^<]*&lt;b&gt;[^<]*&lt;\/b&gt;/);
    expect(xml).toContain('&amp;nbsp;...</content>');
    expect(xml).toMatch(
      /<link href="https:\/\/www\.google\.com\/url\?rct=j&amp;sa=t&amp;url=https:\/\/news\d\.example\.com\//,
    );
    expect(xml.match(/<author><name><\/name><\/author>/g)).toHaveLength(4);
    const published = [...xml.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => Date.parse(m[1] ?? ''));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it('grows over time and on request, newest first', async () => {
    const before = entryIds(await (await fetch(`${base}/feeds/google-alerts/grow`)).text());
    clock += 2 * 60_000;
    const later = entryIds(await (await fetch(`${base}/feeds/google-alerts/grow`)).text());
    expect(later).toHaveLength(6);
    expect(later.slice(2)).toEqual(before);
    const added = await fetch(`${base}/__sim/feeds/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alertId: 'grow', count: 1 }),
    });
    expect(await added.json()).toEqual({ feed: 'ga:grow', count: 1, newestSeq: 7 });
    const latest = entryIds(await (await fetch(`${base}/feeds/google-alerts/grow`)).text());
    expect(latest.slice(1)).toEqual(later);
  });

  it('validates the control request', async () => {
    const post = (body: unknown) =>
      fetch(`${base}/__sim/feeds/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ count: 0 })).status).toBe(400);
    expect((await post({ count: 1, alertId: '../x' })).status).toBe(400);
    expect(await (await post({ count: 2, rssName: 'forum' })).json()).toMatchObject({ feed: 'rss:forum', count: 2 });
  });

  it('answers 304 to a matching ETag or a recent If-Modified-Since', async () => {
    const first = await fetch(`${base}/feeds/rss/cond`);
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(`${base}/feeds/rss/cond`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${base}/feeds/rss/cond`, { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304);
    expect((await fetch(`${base}/feeds/rss/cond`, { headers: { 'if-modified-since': lastModified } })).status).toBe(
      304,
    );
    expect((await fetch(`${base}/feeds/rss/cond`, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
    expect(
      (await fetch(`${base}/feeds/rss/cond`, { headers: { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' } }))
        .status,
    ).toBe(200);
  });

  it('serves RSS with relative links, some items without guid, and a Latin-1 variant', async () => {
    const xml = await (await fetch(`${base}/feeds/rss/forum-a`)).text();
    expect(xml).toMatch(/<link>\/forum\/forum-a\/posts\/\d+<\/link>/);
    expect((xml.match(/<item>/g) ?? []).length).toBeGreaterThan((xml.match(/<guid /g) ?? []).length);
    const latin = await fetch(`${base}/feeds/rss-latin1/forum-a`);
    expect(latin.headers.get('content-type')).toBe('application/rss+xml; charset=ISO-8859-1');
    const bytes = Buffer.from(await latin.arrayBuffer());
    expect(bytes.toString('latin1')).toContain('<?xml version="1.0" encoding="ISO-8859-1"?>');
    expect(bytes.includes(Buffer.from('Caf\xe9', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Café', 'utf8'))).toBe(false);
  });

  it('applies feed.fetch faults', async () => {
    faults.schedule('feed.fetch', 'server-error', 1);
    expect((await fetch(`${base}/feeds/rss/f`)).status).toBe(503);
    faults.schedule('feed.fetch', 'rate-limit', 1);
    const limited = await fetch(`${base}/feeds/rss/f`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    faults.schedule('feed.fetch', 'malformed-json', 1);
    const truncated = await (await fetch(`${base}/feeds/rss/f`)).text();
    expect(truncated).not.toContain('</rss>');
    faults.schedule('feed.fetch', 'missing-fields', 1);
    const bare = await (await fetch(`${base}/feeds/google-alerts/f`)).text();
    expect(bare).not.toMatch(/www\.google\.com\/url|googlealerts\/feed:/);
    expect((await fetch(`${base}/feeds/rss/f`)).status).toBe(200);
  });

  it('serves the hostile documents', async () => {
    expect(await (await fetch(`${base}/feeds/hostile/billion-laughs.xml`)).text()).toContain('<!ENTITY lol9');
    expect(await (await fetch(`${base}/feeds/hostile/xxe.xml`)).text()).toContain('SYSTEM "file:///etc/passwd"');
    const huge = await (await fetch(`${base}/feeds/hostile/huge.xml`)).text();
    expect(huge.length).toBeGreaterThanOrEqual(256 * 1024);
    expect(huge.trimEnd().endsWith('</channel></rss>')).toBe(true);
    const bomb = await fetch(`${base}/feeds/hostile/gzip-bomb.xml`);
    expect(bomb.headers.get('content-encoding')).toBe('gzip');
    expect((await bomb.text()).length).toBeGreaterThan(4 * 1024 * 1024);
  });
});
