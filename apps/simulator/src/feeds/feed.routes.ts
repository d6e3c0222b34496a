import { createHash } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { FaultInjector, FaultMode } from '../faults';
import type { FeedStore } from './feed-store';
import { renderGoogleAlerts, renderRss } from './feed-xml';
import { BILLION_LAUGHS_XML, gzipBomb, streamHugeFeed, XXE_XML } from './hostile-feeds';

export const FEED_FETCH_ENDPOINT = 'feed.fetch';
const DEFAULT_ALERT_ID = 'acme';
const FEED_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ADD = 10_000;

export interface FeedRouteDeps {
  store: FeedStore;
  faults: FaultInjector;
  /** Size of /feeds/hostile/huge.xml; set it above the connector's cap. Default 8 MiB. */
  hugeBytes?: number;
  /** Decompressed size of /feeds/hostile/gzip-bomb.xml. Default 64 MiB. */
  bombBytes?: number;
  /** How long the `slow` fault stalls a response. Default 20 s. */
  slowMs?: number;
  stats?: { feedRequests: number };
}

/**
 * `/feeds/*`: Google Alerts, RSS and hostile feeds for the feed connector, with ETag / Last-Modified and the
 * simulator's fault modes under endpoint `feed.fetch`. `/__sim/feeds/items` publishes new items.
 */
export function feedRouter(deps: FeedRouteDeps): Router {
  const router = Router();
  const hugeBytes = deps.hugeBytes ?? 8 * 1024 * 1024;
  const bombBytes = deps.bombBytes ?? 64 * 1024 * 1024;
  const slowMs = deps.slowMs ?? 20_000;

  router.get('/feeds/google-alerts/:alertId', async (req, res) => {
    const alertId = req.params.alertId;
    if (!FEED_NAME.test(alertId)) return res.status(404).end();
    const fault = await applyFault(deps, req, res, slowMs);
    if (fault.handled) return;
    const entries = deps.store.list(`ga:${alertId}`);
    const xml = renderGoogleAlerts(alertId, entries, { dropFields: fault.mode === 'missing-fields' });
    sendFeed(req, res, Buffer.from(xml, 'utf8'), 'application/atom+xml; charset=utf-8', entries[0]?.publishedAt, fault);
  });

  for (const [path, charset] of [
    ['/feeds/rss/:name', 'utf-8'],
    // Bytes in ISO-8859-1, declared in both the header and the prolog, as older forum software serves them.
    ['/feeds/rss-latin1/:name', 'ISO-8859-1'],
  ] as const) {
    router.get(path, async (req, res) => {
      const name = req.params.name;
      if (typeof name !== 'string' || !FEED_NAME.test(name)) return res.status(404).end();
      const fault = await applyFault(deps, req, res, slowMs);
      if (fault.handled) return;
      const entries = deps.store.list(`rss:${name}`);
      const xml = renderRss(name, entries, charset, { dropFields: fault.mode === 'missing-fields' });
      const bytes = Buffer.from(xml, charset === 'utf-8' ? 'utf8' : 'latin1');
      sendFeed(req, res, bytes, `application/rss+xml; charset=${charset}`, entries[0]?.publishedAt, fault);
    });
  }

  router.get('/feeds/hostile/billion-laughs.xml', (_req, res) => {
    res.type('application/rss+xml; charset=utf-8').send(BILLION_LAUGHS_XML);
  });
  router.get('/feeds/hostile/xxe.xml', (_req, res) => {
    res.type('application/rss+xml; charset=utf-8').send(XXE_XML);
  });
  router.get('/feeds/hostile/huge.xml', (_req, res) => {
    streamHugeFeed(res, hugeBytes);
  });
  router.get('/feeds/hostile/gzip-bomb.xml', (_req, res) => {
    res.setHeader('content-encoding', 'gzip');
    res.type('application/rss+xml; charset=utf-8').send(gzipBomb(bombBytes));
  });

  router.post('/__sim/feeds/items', express.json({ limit: '10kb' }), (req, res) => {
    const body = (req.body ?? {}) as { alertId?: unknown; rssName?: unknown; count?: unknown };
    const count = Number(body.count ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > MAX_ADD) {
      return res.status(400).json({ field: 'count', message: `must be a whole number from 1 to ${MAX_ADD}` });
    }
    for (const field of ['alertId', 'rssName'] as const) {
      const value = body[field];
      if (value !== undefined && (typeof value !== 'string' || !FEED_NAME.test(value))) {
        return res.status(400).json({ field, message: 'must be 1 to 64 letters, digits, _ or -' });
      }
    }
    const feed =
      typeof body.rssName === 'string'
        ? `rss:${body.rssName}`
        : `ga:${typeof body.alertId === 'string' ? body.alertId : DEFAULT_ALERT_ID}`;
    deps.store.list(feed); // seeds a feed requested for the first time, so the new items come on top
    const added = deps.store.add(feed, count);
    res.status(201).json({ feed, count: added.length, newestSeq: added[added.length - 1]?.seq });
  });

  return router;
}

interface FaultOutcome {
  mode: FaultMode | undefined;
  /** True when the fault already answered the request. */
  handled: boolean;
}

async function applyFault(deps: FeedRouteDeps, req: Request, res: Response, slowMs: number): Promise<FaultOutcome> {
  if (deps.stats) deps.stats.feedRequests += 1;
  const mode = deps.faults.take(FEED_FETCH_ENDPOINT);
  switch (mode) {
    case undefined:
    case 'missing-fields':
    case 'malformed-json':
      return { mode, handled: false };
    case 'server-error':
      res.status(503).type('text/plain').send('Service Unavailable');
      return { mode, handled: true };
    case 'rate-limit':
      res.status(429).setHeader('retry-after', '30').type('text/plain').send('Too Many Requests');
      return { mode, handled: true };
    case 'unauthorized':
      res.status(401).type('text/plain').send('Unauthorized');
      return { mode, handled: true };
    case 'forbidden':
      res.status(403).type('text/plain').send('Forbidden');
      return { mode, handled: true };
    case 'slow':
      await delayUnlessClosed(req, slowMs);
      return { mode, handled: req.socket.destroyed };
  }
}

/** Waits, but gives up as soon as the client hangs up, so a timed-out reader leaves no timer behind. */
function delayUnlessClosed(req: Request, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      req.socket.off('close', done);
      resolve();
    }
    req.socket.once('close', done);
  });
}

/** Answers with validators; 304 when the client's ETag or date still matches. */
function sendFeed(
  req: Request,
  res: Response,
  bytes: Buffer,
  contentType: string,
  newest: Date | undefined,
  fault: FaultOutcome,
): void {
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  const lastModified = (newest ?? new Date(0)).toUTCString();
  res.setHeader('etag', etag);
  res.setHeader('last-modified', lastModified);
  res.setHeader('cache-control', 'private, max-age=0');
  if (notModified(req, etag, newest)) {
    res.status(304).end();
    return;
  }
  // `malformed-json` stands for "a body the client cannot parse": here, XML cut off mid-document.
  const body = fault.mode === 'malformed-json' ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
  res.status(200).setHeader('content-type', contentType);
  res.end(body);
}

function notModified(req: Request, etag: string, newest: Date | undefined): boolean {
  const ifNoneMatch = req.header('if-none-match');
  // RFC 9110 §13.1.3: If-None-Match wins over If-Modified-Since when both are sent.
  if (ifNoneMatch) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const since = Date.parse(req.header('if-modified-since') ?? '');
  return !Number.isNaN(since) && newest !== undefined && newest.getTime() <= since;
}
