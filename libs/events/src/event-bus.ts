import type { Redis } from 'ioredis';
import { eventsChannel, type RealtimeEvent } from './realtime-events';

/**
 * Processes that produce events (the worker) publish batches on one Redis channel; every api
 * node subscribes and forwards to its own sockets. Pub/sub keeps nothing for absent listeners,
 * which is why screens refetch after a reconnect instead of relying on replay.
 */
export class EventPublisher {
  private readonly channel: string;

  constructor(
    private readonly redis: Redis,
    redisPrefix: string,
  ) {
    this.channel = eventsChannel(redisPrefix);
  }

  async publish(events: RealtimeEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.redis.publish(this.channel, JSON.stringify(events));
  }
}

export type EventBatchHandler = (events: RealtimeEvent[]) => void;

/** Needs a Redis connection of its own: a subscribed ioredis connection can issue no other commands. */
export class EventSubscriber {
  private readonly channel: string;
  private readonly handlers = new Set<EventBatchHandler>();

  constructor(
    private readonly redis: Redis,
    redisPrefix: string,
    private readonly onBadMessage: (error: unknown) => void,
  ) {
    this.channel = eventsChannel(redisPrefix);
    this.redis.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      let batch: RealtimeEvent[];
      try {
        batch = JSON.parse(message) as RealtimeEvent[];
      } catch (error) {
        this.onBadMessage(error);
        return;
      }
      for (const handler of this.handlers) handler(batch);
    });
  }

  async start(): Promise<void> {
    await this.redis.subscribe(this.channel);
  }

  onEvents(handler: EventBatchHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async stop(): Promise<void> {
    await this.redis.unsubscribe(this.channel);
  }
}
