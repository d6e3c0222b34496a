import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import { createQueue, type TypedQueue } from '@lp/queue';
import { APP_CONFIG } from './tokens';

export const INGEST_QUEUE = Symbol('INGEST_QUEUE');

class QueueCloser implements OnApplicationShutdown {
  constructor(@Inject(INGEST_QUEUE) private readonly ingest: TypedQueue<'ingest'>) {}
  async onApplicationShutdown(): Promise<void> {
    await this.ingest.close();
  }
}

/** Producer-side handles on the queues of the catalogue, closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: INGEST_QUEUE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        createQueue('ingest', { redisUrl: config.redis.url, prefix: config.redis.prefix }),
    },
    QueueCloser,
  ],
  exports: [INGEST_QUEUE],
})
export class QueuesModule {}
