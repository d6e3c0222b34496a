import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { INGEST_QUEUE } from '@lp/nest-core';
import type { TypedQueue } from '@lp/queue';

/** Reports the ingest queue's backlog; the queue is down only when Redis cannot answer for it. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @Inject(INGEST_QUEUE) private readonly ingest: TypedQueue<'ingest'>,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: 'queues') {
    const indicator = this.health.check(key);
    try {
      const counts = await this.ingest.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      const workers = await this.ingest.getWorkersCount();
      return indicator.up({ ingest: { ...counts, workers } });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
