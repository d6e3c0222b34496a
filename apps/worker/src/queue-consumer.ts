import type { PinoLogger } from 'nestjs-pino';
import type { Worker } from 'bullmq';
import type { AppConfig } from '@lp/config';
import {
  createWorker,
  type JobData,
  type JobName,
  type QueueName,
  type TypedJob,
  type WorkerSettings,
} from '@lp/queue';

/**
 * Starts consuming a queue of the catalogue, with its failures and connection errors logged the
 * same way for every queue. Call it once the app is up; `close()` the worker on shutdown.
 */
export function startConsumer<Q extends QueueName>(
  name: Q,
  config: AppConfig,
  processor: (job: TypedJob<Q>, token?: string) => Promise<unknown>,
  settings: WorkerSettings,
  logger: PinoLogger,
): Worker<JobData<Q>, unknown, JobName<Q>> {
  const worker = createWorker(name, { redisUrl: config.redis.url, prefix: config.redis.prefix }, processor, settings);
  worker.on('failed', (job, error) => {
    logger.warn(
      { queue: name, jobId: job?.id, attempts: job?.attemptsMade, error: error.message },
      `${name} job failed`,
    );
  });
  worker.on('error', (error) => logger.error({ queue: name, error: error.message }, `${name} worker error`));
  void worker.run();
  logger.info({ queue: name, concurrency: settings.concurrency }, `${name} worker running`);
  return worker;
}
