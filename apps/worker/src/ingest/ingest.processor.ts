import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { UnrecoverableError, type Worker } from 'bullmq';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG } from '@lp/nest-core';
import type { JobData, JobName, TypedJob } from '@lp/queue';
import { TrainedScorer } from '@lp/scoring';
import { startConsumer } from '../queue-consumer';
import { MentionBatchWriter } from './mention-batch-writer';

/**
 * Consumes the `ingest` queue: score, upsert, publish. Safe to run twice for one mention: the
 * unique key stops a second row and screens drop a repeated event by id.
 */
@Injectable()
export class IngestProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<JobData<'ingest'>, unknown, JobName<'ingest'>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scorer: TrainedScorer,
    private readonly writer: MentionBatchWriter,
    @InjectPinoLogger(IngestProcessor.name) private readonly logger: PinoLogger,
  ) {}

  /** Starts consuming only once the app (database, Redis) is up. */
  onApplicationBootstrap(): void {
    const { ingest } = this.config;
    this.worker = startConsumer(
      'ingest',
      this.config,
      (job) => this.process(job),
      { concurrency: ingest.concurrency, lockDurationMs: ingest.lockDurationMs },
      this.logger,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.writer.drain();
  }

  private async process(job: TypedJob<'ingest'>): Promise<void> {
    const { mention, enqueuedAt } = job.data;
    if (!mention || typeof mention.text !== 'string' || !mention.author) {
      throw new UnrecoverableError(`job ${job.id} has no usable mention`);
    }
    const scores = this.scorer.score(mention);
    await this.writer.write({ mention, scores, enqueuedAt, republish: job.attemptsStarted > 1 });
  }
}
