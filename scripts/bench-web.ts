import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import type { CDPSession, Page } from 'playwright-core';
import { PLATFORMS, type MentionView, type SentimentLabel, type UrgencyLevel } from '@lp/domain';
import { EventPublisher, type RealtimeEvent } from '@lp/events';
import { AppProcess } from '../test/support/app-process';
import { launchChromium, WEB_DIST } from '../test/support/browser';
import { freePort } from '../test/support/ports';
import { deleteRedisPrefix, resetDatabase, uniqueRedisPrefix } from '../test/support/services';
import { waitFor } from '../test/support/wait';

/**
 * `npm run bench:web` (after `npm run build`): the wall in Chromium under 1,000 mentions a second.
 * Starts the built api on a free port against local PostgreSQL and Redis, signs in, opens /wall,
 * publishes `mention.created` batches on the Redis events channel (so the real gateway and socket
 * carry them), and reports long tasks and JS heap: after the steady run, once the store is full
 * (100,000), and after running at capacity. Figures go to stdout and artifacts/bench-web.json.
 *   BENCH_WEB_RATE (1000)            mentions per second
 *   BENCH_WEB_SECONDS (60)           the steady run
 *   BENCH_WEB_CAPACITY_SECONDS (30)  the run once the store is full
 *   BENCH_WEB_TICK_MS (50)           how often a batch is published
 *   BENCH_WEB_DATABASE_URL           default listening_post_bench_web on 127.0.0.1, recreated each run
 *   BENCH_WEB_PROFILE (0)            1 records a CPU profile at capacity: top functions on stdout, artifacts/bench-web.cpuprofile
 *   BENCH_WEB_FRESH_DB (1)           0 keeps that database (migrated and emptied) instead of recreating it
 */
/** Its own database, dropped and made afresh on every run: a bench must not depend on what an older run left. */
const DATABASE_URL =
  process.env.BENCH_WEB_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/listening_post_bench_web';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env.BENCH_WEB_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 60);
const CAPACITY_SECONDS = Number(process.env.BENCH_WEB_CAPACITY_SECONDS ?? 30);
const TICK_MS = Number(process.env.BENCH_WEB_TICK_MS ?? 50);
const PROFILE = process.env.BENCH_WEB_PROFILE === '1';
/** The web app's MENTION_CAPACITY. */
const CAPACITY = 100_000;
/** Whatever happens, the bench ends: the fill phase included, it cannot run longer than this. */
const HARD_STOP_MS = (SECONDS + CAPACITY_SECONDS + CAPACITY / RATE + 180) * 1000;

function loopbackOnly(url: string, what: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
    throw new Error(`${what} must be on 127.0.0.1 for the bench (got ${host})`);
}

// ---------- realistic mentions ----------

const TEXTS = [
  'my Acme Router X2 keeps dropping wifi every evening, support has not answered in two days',
  '@acme the AcmeBook Air update bricked my laptop, this is unacceptable',
  'anyone else seeing Acme Drive sync stuck at 99%? #acmedown',
  'love the new Acme Buds, battery lasts forever 🎧',
  'was charged twice for my Acme printer ink subscription, still waiting on a refund',
  'how do I reset the Acme Watch to factory settings?',
  '@acme my phone charger got really hot and smells like burning plastic, is this safe??',
  'thinking about switching to another brand after this week of outages',
];
const NAMES = [
  'Sam Rivera',
  'Ada Okafor',
  'Lee Chen',
  'Maria Rossi',
  'Tom Becker',
  'Priya Nair',
  'Jon Smith',
  'Ana Silva',
];
const LEVELS: UrgencyLevel[] = ['low', 'normal', 'normal', 'normal', 'high', 'high', 'critical'];
const TARGET_S: Record<UrgencyLevel, number> = { critical: 900, high: 3600, normal: 14_400, low: 86_400 };
const SENTIMENT: SentimentLabel[] = ['negative', 'negative', 'neutral', 'positive'];

let seq = 1_000_000;
function mention(now: number): MentionView {
  const n = seq++;
  const id = randomUUID();
  const level = LEVELS[n % LEVELS.length]!;
  const sentiment = SENTIMENT[n % SENTIMENT.length]!;
  const postedAt = new Date(now - (n % 20) * 50).toISOString();
  const name = NAMES[n % NAMES.length]!;
  return {
    id,
    seq: n,
    platform: PLATFORMS[n % PLATFORMS.length]!,
    externalId: String(n),
    sourceId: null,
    text: `${TEXTS[n % TEXTS.length]!} #${n}`,
    url: `https://x.com/i/status/${n}`,
    author: {
      externalId: String(n % 5000),
      handle: `${name.split(' ')[0]!.toLowerCase()}${n % 5000}`,
      name,
      followers: (n * 37) % 50_000,
      verified: n % 97 === 0,
    },
    postedAt,
    metrics: { likes: n % 11, replies: n % 3, reposts: n % 5, quotes: 0 },
    inReplyToExternalId: null,
    sentiment,
    sentimentScore: sentiment === 'negative' ? -0.6 : sentiment === 'positive' ? 0.7 : 0,
    complaint: sentiment === 'negative' ? 0.8 : 0.1,
    urgency: { low: 10, normal: 35, high: 65, critical: 90 }[level] + (n % 10),
    urgencyLevel: level,
    topic: ['outage', 'billing', 'hardware', 'general'][n % 4]!,
    lang: 'en',
    reasons: level === 'critical' ? ['safety', 'outage'] : [],
    claim: null,
    status: 'new',
    ingestedAt: new Date(now).toISOString(),
    tags: [],
    firstResponseAt: null,
    sla: { dueAt: new Date(Date.parse(postedAt) + TARGET_S[level] * 1000).toISOString(), breached: false },
  };
}

/** Publishes at `rate` a second in batches every TICK_MS, correcting for drift, until `until()` says stop. */
async function drive(publisher: EventPublisher, rate: number, until: (sent: number, elapsedMs: number) => boolean) {
  const started = Date.now();
  let sent = 0;
  while (!until(sent, Date.now() - started)) {
    const due = Math.floor(((Date.now() - started) * rate) / 1000) - sent;
    if (due > 0) {
      const now = Date.now();
      const events: RealtimeEvent[] = [];
      for (let i = 0; i < due; i++) {
        const payload = mention(now);
        events.push({
          type: 'mention.created',
          id: `mention.created:${payload.id}`,
          at: new Date(now).toISOString(),
          payload,
        });
      }
      await publisher.publish(events);
      sent += due;
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  return { sent, seconds: (Date.now() - started) / 1000 };
}

// ---------- what the page reports ----------

/**
 * Installed before the app loads: long tasks and frame gaps as counters only (no growing arrays).
 * Plain JavaScript in a string: a transpiled function would carry helpers the page does not have.
 */
const PROBES = `
  window.__bench = { count: 0, total: 0, max: 0, frames: 0, maxGap: 0 };
  new PerformanceObserver(function (list) {
    for (const e of list.getEntries()) {
      window.__bench.count++;
      window.__bench.total += e.duration;
      window.__bench.max = Math.max(window.__bench.max, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  requestAnimationFrame(function frame(t) {
    window.__bench.frames++;
    window.__bench.maxGap = Math.max(window.__bench.maxGap, t - last);
    last = t;
    requestAnimationFrame(frame);
  });
`;

interface PhaseProbe {
  longTasks: { count: number; totalMs: number; maxMs: number };
  frames: number;
  maxFrameGapMs: number;
}

/** Reads and resets the page's counters. */
async function takeProbe(page: Page): Promise<PhaseProbe> {
  const b = await page.evaluate(() => {
    const w = window as unknown as {
      __bench: { count: number; total: number; max: number; frames: number; maxGap: number };
    };
    const out = { ...w.__bench };
    Object.assign(w.__bench, { count: 0, total: 0, max: 0, frames: 0, maxGap: 0 });
    return out;
  });
  return {
    longTasks: { count: b.count, totalMs: Math.round(b.total), maxMs: Math.round(b.max) },
    frames: b.frames,
    maxFrameGapMs: Math.round(b.maxGap),
  };
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/** Self time per function, to find what a long task was made of. */
interface CpuProfile {
  nodes: Array<{
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
  }>;
  startTime: number;
  endTime: number;
  samples?: number[];
}

function printProfile(profile: CpuProfile): void {
  writeFileSync(resolve(__dirname, '../artifacts/bench-web.cpuprofile'), JSON.stringify(profile));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1) / 1000;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * interval);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('top self time at capacity (ms):');
  for (const [key, ms] of top) console.log(`  ${ms.toFixed(0).padStart(7)}  ${key}`);
}

const held = async (page: Page) => Number(await page.getByTestId('wall-held').getAttribute('data-count'));
const mb = (bytes: number) => Number((bytes / 1_048_576).toFixed(1));

// ---------- the run ----------

async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected bench database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  loopbackOnly(DATABASE_URL, 'BENCH_WEB_DATABASE_URL');
  loopbackOnly(REDIS_URL, 'BENCH_REDIS_URL');
  const hardStop = setTimeout(() => {
    console.error('bench-web: hard stop reached');
    process.exit(1);
  }, HARD_STOP_MS);
  hardStop.unref();

  const redisPrefix = uniqueRedisPrefix('bench-web');
  const admin = { email: 'bench@listening-post.test', password: randomBytes(12).toString('hex') };
  if (process.env.BENCH_WEB_FRESH_DB !== '0') await recreateDatabase(DATABASE_URL);
  await resetDatabase(DATABASE_URL);
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = new AppProcess('api', {
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    WEB_DIST_DIR: WEB_DIST,
    JWT_SECRET: randomBytes(48).toString('base64'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'warn',
  }).start();
  const redis = new Redis(REDIS_URL);
  const publisher = new EventPublisher(redis, redisPrefix);
  const browser = await launchChromium();
  try {
    await waitFor('api health', () => fetch(`${apiUrl}/api/health`).then((r) => r.ok), 30_000);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // Nothing but the api on 127.0.0.1: anything else the page asks for is refused.
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    await page.addInitScript({ content: PROBES });
    let delivered = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') return;
        for (let i = payload.indexOf('"mention.created"'); i !== -1; i = payload.indexOf('"mention.created"', i + 1))
          delivered++;
      }),
    );

    await page.goto(`${apiUrl}/wall`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('input[name=email]').fill(admin.email);
    await form.locator('input[name=password]').fill(admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.wall-live.status-live').waitFor({ timeout: 15_000 });
    await page.getByTestId('wall-panel-stream').waitFor({ timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 3_000));

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapBefore = await heapAfterGc(cdp);
    await takeProbe(page);
    const visibility = await page.evaluate(() => document.visibilityState);
    console.log(`bench-web: /wall open (${visibility}), heap ${mb(heapBefore)} MB; ${RATE}/s for ${SECONDS} s…`);

    const steady = await drive(publisher, RATE, (_sent, ms) => ms >= SECONDS * 1000);
    const steadyProbe = await takeProbe(page);
    await new Promise((r) => setTimeout(r, 1_500)); // the last batches reach the page
    const heapAfterSteady = await heapAfterGc(cdp);
    const heldAfterSteady = await held(page);
    console.log(
      `bench-web: steady run done (${steady.sent} sent, ${delivered} delivered, ${heldAfterSteady} held); filling to ${CAPACITY}…`,
    );

    await takeProbe(page);
    let fillSent = 0;
    let lastCheck = 0;
    let full = false;
    const fill = await drive(publisher, RATE, (sent, ms) => {
      fillSent = sent;
      if (full || ms > (CAPACITY / RATE + 60) * 1000) return true;
      if (ms - lastCheck > 1_000) {
        lastCheck = ms;
        void held(page).then((n) => (full = n >= CAPACITY));
      }
      return false;
    });
    const fillProbe = await takeProbe(page);
    const heapFull = await heapAfterGc(cdp);
    const heldFull = await held(page);
    console.log(`bench-web: store holds ${heldFull} (${fillSent} more sent); ${CAPACITY_SECONDS} s at capacity…`);

    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await takeProbe(page); // the forced GC above is the bench's doing, not the page's
    const atCapacity = await drive(publisher, RATE, (_sent, ms) => ms >= CAPACITY_SECONDS * 1000);
    const capacityProbe = await takeProbe(page);
    if (PROFILE) printProfile((await cdp.send('Profiler.stop')).profile);
    await new Promise((r) => setTimeout(r, 1_500));
    const heapAtCapacityEnd = await heapAfterGc(cdp);
    const heldEnd = await held(page);
    const published = steady.sent + fill.sent + atCapacity.sent;

    const report = {
      machine: `${(await import('node:os')).cpus().length} cores`,
      ratePerSecond: RATE,
      steadySeconds: Number(steady.seconds.toFixed(1)),
      eventsPublished: published,
      eventsDelivered: delivered,
      mentionsHeld: { afterSteady: heldAfterSteady, full: heldFull, end: heldEnd, capacity: CAPACITY },
      longTasks: {
        steady: steadyProbe.longTasks,
        fillingTo100k: fillProbe.longTasks,
        atCapacity: capacityProbe.longTasks,
      },
      frames: {
        steady: { perSecond: Math.round(steadyProbe.frames / steady.seconds), maxGapMs: steadyProbe.maxFrameGapMs },
        atCapacity: {
          perSecond: Math.round(capacityProbe.frames / atCapacity.seconds),
          maxGapMs: capacityProbe.maxFrameGapMs,
        },
      },
      jsHeapUsedMB: {
        before: mb(heapBefore),
        afterSteady: mb(heapAfterSteady),
        full100k: mb(heapFull),
        afterRunningAtCapacity: mb(heapAtCapacityEnd),
        growthSteady: mb(heapAfterSteady - heapBefore),
        growthAtCapacity: mb(heapAtCapacityEnd - heapFull),
      },
    };
    const lt = (p: PhaseProbe['longTasks']) => `${p.count} long tasks, ${p.totalMs} ms total, max ${p.maxMs} ms`;
    console.log(`
  wall under ${RATE} mentions/s (${report.machine})
  events published / delivered   ${published.toLocaleString()} / ${delivered.toLocaleString()}
  steady ${report.steadySeconds} s             ${lt(report.longTasks.steady)}; ${report.frames.steady.perSecond} fps, worst frame gap ${report.frames.steady.maxGapMs} ms
  filling to ${CAPACITY.toLocaleString()}          ${lt(report.longTasks.fillingTo100k)}
  at capacity ${CAPACITY_SECONDS} s            ${lt(report.longTasks.atCapacity)}; ${report.frames.atCapacity.perSecond} fps, worst frame gap ${report.frames.atCapacity.maxGapMs} ms
  JS heap (after GC)             before ${report.jsHeapUsedMB.before} MB, after steady ${report.jsHeapUsedMB.afterSteady} MB (+${report.jsHeapUsedMB.growthSteady}),
                                 full ${report.jsHeapUsedMB.full100k} MB, after ${CAPACITY_SECONDS} s at capacity ${report.jsHeapUsedMB.afterRunningAtCapacity} MB (${report.jsHeapUsedMB.growthAtCapacity >= 0 ? '+' : ''}${report.jsHeapUsedMB.growthAtCapacity})
  mentions held                  ${heldEnd.toLocaleString()} of ${CAPACITY.toLocaleString()}
`);
    mkdirSync(resolve(__dirname, '../artifacts'), { recursive: true });
    writeFileSync(resolve(__dirname, '../artifacts/bench-web.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await browser.close().catch(() => undefined);
    await api.stop();
    redis.disconnect();
    await deleteRedisPrefix(redisPrefix, REDIS_URL);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
