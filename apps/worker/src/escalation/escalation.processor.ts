import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Worker } from 'bullmq';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG } from '@lp/nest-core';
import type { JobData, JobName } from '@lp/queue';
import { startConsumer } from '../queue-consumer';
import { EscalationLadder } from './escalation-ladder';

/** Consumes the `escalation` queue: one job per ladder step, delayed until the step is due. */
@Injectable()
export class EscalationProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<JobData<'escalation'>, unknown, JobName<'escalation'>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ladder: EscalationLadder,
    @InjectPinoLogger(EscalationProcessor.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startConsumer(
      'escalation',
      this.config,
      (job) => this.ladder.runStep(job.data.incidentId, job.data.step),
      { concurrency: 4, lockDurationMs: this.config.ingest.lockDurationMs },
      this.logger,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
