import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDataSource, runMigrations, TrendsRepository } from '@lp/persistence';
import { TrendsService } from '../apps/api/src/trends/trends.service';
import { resolveRange, type ResolvedRange } from '../apps/api/src/trends/trend-range';
import type { TrendName } from '@lp/domain';
import { ensureDatabase } from './lib/database';

/**
 * `npm run bench:trends`: how long the trends queries take over a month of data, on a database of
 * its own. Generates 30 days of aggregate rows (every minute, ~40 of 96 platform × topic × sentiment
 * keys, as a steady brand sees them), the hourly and daily rollups from them, and a month of mentions
 * for the term sample and response times; then times each trend over 1 hour, 24 hours, 7 and 30 days.
 *   BENCH_TRENDS_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/listening_post_bench_trends
 *   BENCH_TRENDS_MENTIONS_PER_DAY (default 10000), BENCH_TRENDS_RUNS (default 30)
 */
const URL_ = process.env.BENCH_TRENDS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/listening_post_bench_trends';
const PER_DAY = Number(process.env.BENCH_TRENDS_MENTIONS_PER_DAY ?? 10_000);
const RUNS = Number(process.env.BENCH_TRENDS_RUNS ?? 30);
const DAYS = 30;

const TRENDS: TrendName[] = [
  'sentiment',
  'platforms',
  'topics',
  'negative-share',
  'rising-terms',
  'response-times',
  'sla-breaches',
  'agents',
  'replies',
];
const RANGES = [
  ['1h', 3_600_000],
  ['24h', 86_400_000],
  ['7d', 7 * 86_400_000],
  ['30d', 30 * 86_400_000],
] as const;

async function main(): Promise<void> {
  await ensureDatabase(URL_);
  await runMigrations(URL_);
  const ds = createDataSource(URL_);
  await ds.initialize();
  try {
    const now = new Date();
    await generate(ds, now);
    const service = new TrendsService(new TrendsRepository(ds));
    const results: Array<{ trend: TrendName; range: string; bucket: string; p50Ms: number; p95Ms: number }> = [];
    for (const [label, ms] of RANGES) {
      const range = resolveRange({ from: new Date(now.getTime() - ms), to: now }, now) as ResolvedRange;
      for (const trend of TRENDS) {
        await service.get(trend, range); // warm the cache: steady state, not the first read after a restart
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await service.get(trend, range);
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        const row = { trend, range: label, bucket: range.bucket, p50Ms: pct(times, 50), p95Ms: pct(times, 95) };
        results.push(row);
        console.log(
          `${label.padEnd(4)} ${trend.padEnd(15)} ${row.bucket.padEnd(6)} p50 ${row.p50Ms} ms  p95 ${row.p95Ms} ms`,
        );
      }
    }
    const sizes = await ds.query(
      `SELECT (SELECT count(*) FROM mention_minutes)::int AS minutes, (SELECT count(*) FROM mention_hours)::int AS hours,
         (SELECT count(*) FROM mention_days)::int AS days, (SELECT count(*) FROM mentions)::int AS mentions`,
    );
    const out = resolve(__dirname, '../artifacts/bench-trends.json');
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, JSON.stringify({ at: now.toISOString(), rows: sizes[0], runs: RUNS, results }, null, 2));
    console.log(`rows: ${JSON.stringify(sizes[0])}; figures written to ${out}`);
  } finally {
    await ds.destroy();
  }
}

/** Replaces whatever the last run left with a fresh month ending now. */
async function generate(ds: ReturnType<typeof createDataSource>, now: Date): Promise<void> {
  const started = performance.now();
  await ds.query('TRUNCATE mention_minutes, mention_hours, mention_days, mentions, audit_log, replies CASCADE');
  const from = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - DAYS * 86_400_000);
  // Each minute keeps a key with probability 0.42 (≈40 of 96), with a few mentions, more in working hours.
  await ds.query(
    `INSERT INTO mention_minutes
     SELECT m, p, t, s, n, (n * 0.3)::int, n * 40, (n * 0.02)::int
     FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') m,
       unnest(ARRAY['x', 'facebook', 'youtube', 'feed']) p,
       unnest(ARRAY['outage', 'billing', 'delivery', 'software', 'hardware', 'account', 'question', 'praise']) t,
       unnest(ARRAY['negative', 'neutral', 'positive']) s,
       LATERAL (SELECT 1 + floor(random() * (CASE WHEN extract(hour FROM m) BETWEEN 8 AND 20 THEN 6 ELSE 2 END))::int AS n) k
     WHERE random() < 0.42`,
    [from, now],
  );
  for (const grain of ['hour', 'day'] as const) {
    await ds.query(
      `INSERT INTO mention_${grain}s SELECT date_trunc('${grain}', minute, 'UTC'), platform, topic, sentiment,
         sum(mentions), sum(complaints), sum(urgency_sum), sum(critical) FROM mention_minutes GROUP BY 1, 2, 3, 4`,
    );
  }
  // Mentions only for what reads them (terms, response times, breaches); the counts come from the tables above.
  await ds.query(
    `INSERT INTO mentions (platform, external_id, text, url, lang, author_external_id, author_handle, author_name,
       author_followers, author_verified, posted_at, metrics, sentiment, sentiment_score, complaint, urgency,
       urgency_level, topic, reasons, first_response_at, sla_breached_at)
     SELECT 'x', 'bench-' || i, w[1 + i % 12] || ' ' || w[1 + (i / 7) % 12] || ' is ' || w[1 + (i / 3) % 12] || ' again #' || w[1 + i % 5],
       'https://x.test/' || i, 'en', 'a' || i % 500, 'h' || i % 500, 'n', 10, false, at, '{}'::jsonb,
       'negative', -0.5, 0.6, 40, 'normal', 'outage', '[]'::jsonb,
       CASE WHEN i % 3 = 0 THEN at + make_interval(secs => 30 + i % 3600) END,
       CASE WHEN i % 20 = 0 THEN at + interval '4 hours' END
     FROM generate_series(1, $1::int) i,
       LATERAL (SELECT $2::timestamptz + (i::float8 / $1) * ($3::timestamptz - $2::timestamptz) AS at) t,
       LATERAL (SELECT ARRAY['router', 'firmware', 'billing', 'refund', 'outage', 'login', 'password', 'delivery',
         'screen', 'battery', 'update', 'support'] AS w) words`,
    [PER_DAY * DAYS, from, now],
  );
  await ds.query('ANALYZE');
  console.log(`generated ${DAYS} days in ${Math.round(performance.now() - started)} ms`);
}

const pct = (sorted: number[], p: number) =>
  Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
