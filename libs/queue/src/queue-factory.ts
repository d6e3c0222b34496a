import { Queue, Worker, type ConnectionOptions, type DefaultJobOptions, type Job, type WorkerOptions } from 'bullmq';
import type { JobData, JobName, QueueName } from './queue-catalogue';

/**
 * Retention and retry rules shared by every queue. Completed jobs are kept for an hour so a
 * re-poll within that window is deduplicated by job id before it reaches the database.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};

export interface QueueConnection {
  /** redis:// URL. BullMQ opens its own connections from it. */
  redisUrl: string;
  /** Key prefix that isolates one deployment (or test run) from another. */
  prefix: string;
}

function connectionOptions(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Required by BullMQ workers: blocking commands must wait for Redis rather than fail.
    maxRetriesPerRequest: null,
  };
}

export type TypedQueue<Q extends QueueName> = Queue<JobData<Q>, unknown, JobName<Q>>;
export type TypedJob<Q extends QueueName> = Job<JobData<Q>, unknown, JobName<Q>>;

export function createQueue<Q extends QueueName>(name: Q, connection: QueueConnection): TypedQueue<Q> {
  return new Queue<JobData<Q>, unknown, JobName<Q>>(name, {
    connection: connectionOptions(connection.redisUrl),
    prefix: connection.prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
}

export interface WorkerSettings {
  concurrency: number;
  lockDurationMs: number;
}

/**
 * Workers start paused: the owning process calls `run()` once its dependencies are up, and
 * `close()` on shutdown waits for the jobs in hand to finish.
 */
export function createWorker<Q extends QueueName>(
  name: Q,
  connection: QueueConnection,
  /** `token` is the job's lock token, needed to move the job (e.g. to delayed) from inside the processor. */
  processor: (job: TypedJob<Q>, token?: string) => Promise<unknown>,
  settings: WorkerSettings,
): Worker<JobData<Q>, unknown, JobName<Q>> {
  const options: WorkerOptions = {
    connection: connectionOptions(connection.redisUrl),
    prefix: connection.prefix,
    concurrency: settings.concurrency,
    lockDuration: settings.lockDurationMs,
    stalledInterval: Math.max(1_000, Math.floor(settings.lockDurationMs / 2)),
    autorun: false,
  };
  return new Worker<JobData<Q>, unknown, JobName<Q>>(name, processor, options);
}

export { connectionOptions };
