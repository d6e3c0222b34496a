import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@lp/config';
import { EventSubscriber, type EventBatchHandler } from '@lp/events';
import { APP_CONFIG, REDIS } from '@lp/nest-core';

/** The api's subscription to the events the worker publishes, on a Redis connection of its own. */
@Injectable()
export class RealtimeEventsSource implements OnModuleInit, OnModuleDestroy {
  private readonly connection: Redis;
  private readonly subscriber: EventSubscriber;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectPinoLogger(RealtimeEventsSource.name) logger: PinoLogger,
  ) {
    // Connected explicitly before SUBSCRIBE: subscribing while ioredis is still connecting races
    // its ready check (INFO), which then fails with "Connection in subscriber mode".
    this.connection = redis.duplicate({ lazyConnect: true });
    this.subscriber = new EventSubscriber(this.connection, config.redis.prefix, (error) =>
      logger.warn({ error: String(error) }, 'dropped an unreadable event batch'),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.connection.connect();
    await this.subscriber.start();
  }

  onEvents(handler: EventBatchHandler): () => void {
    return this.subscriber.onEvents(handler);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber.stop().catch(() => undefined);
    this.connection.disconnect();
  }
}
