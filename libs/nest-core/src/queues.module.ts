import { Global, Inject, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import { createQueue, type QueueName, type TypedQueue } from '@lp/queue';
import { APP_CONFIG } from './tokens';

export const INGEST_QUEUE = Symbol('INGEST_QUEUE');
export const REPLY_QUEUE = Symbol('REPLY_QUEUE');
export const ESCALATION_QUEUE = Symbol('ESCALATION_QUEUE');
export const NOTIFY_QUEUE = Symbol('NOTIFY_QUEUE');

class QueueCloser implements OnApplicationShutdown {
  constructor(
    @Inject(INGEST_QUEUE) private readonly ingest: TypedQueue<'ingest'>,
    @Inject(REPLY_QUEUE) private readonly reply: TypedQueue<'reply'>,
    @Inject(ESCALATION_QUEUE) private readonly escalation: TypedQueue<'escalation'>,
    @Inject(NOTIFY_QUEUE) private readonly notify: TypedQueue<'notify'>,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.ingest.close(), this.reply.close(), this.escalation.close(), this.notify.close()]);
  }
}

/** A queue of the catalogue under its injection token, on the configured Redis and prefix. */
function queueProvider(token: symbol, name: QueueName): Provider {
  return {
    provide: token,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => createQueue(name, { redisUrl: config.redis.url, prefix: config.redis.prefix }),
  };
}

/** Producer-side handles on the queues of the catalogue, closed on shutdown. */
@Global()
@Module({
  providers: [
    queueProvider(INGEST_QUEUE, 'ingest'),
    queueProvider(REPLY_QUEUE, 'reply'),
    queueProvider(ESCALATION_QUEUE, 'escalation'),
    queueProvider(NOTIFY_QUEUE, 'notify'),
    QueueCloser,
  ],
  exports: [INGEST_QUEUE, REPLY_QUEUE, ESCALATION_QUEUE, NOTIFY_QUEUE],
})
export class QueuesModule {}
