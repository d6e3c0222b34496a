import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { io } from 'socket.io-client';
import type { RealtimeEvent, ServerToClientEvents } from '@lp/events';
import { connectionOptions } from '@lp/queue';
import { Pipeline } from '../test/support/pipeline';
import { deleteRedisPrefix, query } from '../test/support/services';
import { waitFor } from '../test/support/wait';

/**
 * `npm run bench`: how fast the whole pipeline moves mentions on this machine, against the
 * ceiling of bare BullMQ on the same Redis. A benchmark, not a test: it prints figures.
 *   BENCH_MENTIONS (default 20000)   mentions pushed through the pipeline
 *   BENCH_NOOP_JOBS (default 50000)  jobs through the bare no-op queue
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/listening_post_bench';
const MENTIONS = Number(process.env.BENCH_MENTIONS ?? 20_000);
const NOOP_JOBS = Number(process.env.BENCH_NOOP_JOBS ?? 50_000);

async function bareBullmq(jobs: number): Promise<number> {
  const prefix = `lpbench-${randomBytes(4).toString('hex')}`;
  const connection = connectionOptions(REDIS_URL);
  const queue = new Queue('noop', { connection, prefix, defaultJobOptions: { removeOnComplete: true } });
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => (finish = r));
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: 200, autorun: false });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  const started = performance.now();
  void worker.run();
  for (let i = 0; i < jobs; i += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k } })),
    );
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.close();
  await deleteRedisPrefix(prefix, REDIS_URL);
  return jobs / seconds;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function fullPipeline(mentions: number) {
  const pipeline = new Pipeline({
    suite: 'bench',
    databaseUrl: BENCH_DATABASE_URL,
    env: { X_POLL_INTERVAL_MS: '50', SIMULATOR_X_RATE_LIMIT: '1000000', LOG_LEVEL: 'warn' },
  });
  await pipeline.start();
  const latencies: number[] = [];
  const seen = new Set<string>();
  const socket = io(pipeline.apiUrl, {
    transports: ['websocket'],
    auth: { token: pipeline.accessToken },
  }) as import('socket.io-client').Socket<ServerToClientEvents>;
  socket.on('events', (batch: RealtimeEvent[]) => {
    const now = Date.now();
    for (const event of batch) {
      if (event.type !== 'mention.created' || seen.has(event.payload.id)) continue;
      seen.add(event.payload.id);
      if (event.enqueuedAt) latencies.push(now - event.enqueuedAt);
    }
  });
  try {
    await waitFor('socket', () => socket.connected, 10_000);
    const started = performance.now();
    await pipeline.emit(mentions);
    await waitFor(`${mentions} mentions on the socket`, () => seen.size >= mentions, 300_000, 20);
    const seconds = (performance.now() - started) / 1000;
    const [row] = await query<{ n: number }>(BENCH_DATABASE_URL, 'SELECT count(*)::int AS n FROM mentions');
    latencies.sort((a, b) => a - b);
    return {
      perSecond: mentions / seconds,
      seconds,
      rows: row?.n ?? 0,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    socket.close();
    await pipeline.stop();
  }
}

async function main(): Promise<void> {
  console.log(`bare BullMQ: ${NOOP_JOBS} no-op jobs, concurrency 200…`);
  const bare = await bareBullmq(NOOP_JOBS);
  console.log(
    `pipeline: ${MENTIONS} mentions from the simulator through poll → queue → score → PostgreSQL → Socket.IO…`,
  );
  const result = await fullPipeline(MENTIONS);
  const report = {
    machine: `${(await import('node:os')).cpus().length} cores`,
    bareBullmqJobsPerSecond: Math.round(bare),
    pipelineMentionsPerSecond: Math.round(result.perSecond),
    ratioToBareBullmq: Number((result.perSecond / bare).toFixed(3)),
    latencyMsJobAddedToSocket: { p50: result.p50, p99: result.p99 },
    mentions: MENTIONS,
    rowsStored: result.rows,
    seconds: Number(result.seconds.toFixed(2)),
  };
  console.log(`
  bare BullMQ (no-op)         ${report.bareBullmqJobsPerSecond.toLocaleString()} jobs/s
  pipeline end to end         ${report.pipelineMentionsPerSecond.toLocaleString()} mentions/s  (${MENTIONS.toLocaleString()} in ${report.seconds} s, ${report.rowsStored.toLocaleString()} rows)
  ratio to bare BullMQ        ${report.ratioToBareBullmq}
  latency job added → socket  p50 ${report.latencyMsJobAddedToSocket.p50} ms, p99 ${report.latencyMsJobAddedToSocket.p99} ms
`);
  mkdirSync(resolve(__dirname, '../artifacts'), { recursive: true });
  writeFileSync(resolve(__dirname, '../artifacts/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
