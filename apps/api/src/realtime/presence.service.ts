import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@lp/config';
import { EventPublisher, type PresenceUpdate, type PresenceViewer } from '@lp/events';
import { APP_CONFIG, REDIS } from '@lp/nest-core';
import { ClaimRepository } from '@lp/persistence';
import { PresenceStore } from './presence.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one socket last reported. */
export interface SocketPresence {
  mentionId: string | null;
  typing: boolean;
}

export interface PresenceActor {
  socketId: string;
  userId: string;
  name: string;
}

/** Reads a screen's report; anything else is ignored rather than trusted. */
export function parsePresenceUpdate(value: unknown): PresenceUpdate | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { mentionId, typing } = value as Record<string, unknown>;
  if (mentionId !== null && (typeof mentionId !== 'string' || !UUID.test(mentionId))) return undefined;
  return { mentionId, typing: typing === true };
}

/**
 * Presence: who views and who types on which mention. Changes go out as `presence.changed` events
 * on the shared channel, so the screens on every api node hear them; typing by the claim holder renews the lease.
 */
@Injectable()
export class PresenceService {
  private readonly store: PresenceStore;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventPublisher,
    private readonly claims: ClaimRepository,
  ) {
    this.store = new PresenceStore(redis, config.redis.prefix);
  }

  /** Applies a socket's report; returns what it now reports. A repeat of the same report only refreshes it. */
  async report(actor: PresenceActor, previous: SocketPresence, next: PresenceUpdate): Promise<SocketPresence> {
    const changed = previous.mentionId !== next.mentionId || previous.typing !== next.typing;
    if (previous.mentionId && previous.mentionId !== next.mentionId) await this.leave(actor, previous.mentionId);
    if (next.mentionId) {
      const viewers = await this.store.set(next.mentionId, actor.socketId, {
        userId: actor.userId,
        name: actor.name,
        typing: next.typing,
      });
      if (changed) await this.publish(next.mentionId, viewers);
      if (next.typing) await this.claims.renewLease(next.mentionId, actor.userId, this.config.claims.leaseS);
    }
    return { mentionId: next.mentionId, typing: next.typing };
  }

  async leave(actor: PresenceActor, mentionId: string): Promise<void> {
    await this.publish(mentionId, await this.store.remove(mentionId, actor.socketId));
  }

  private async publish(mentionId: string, viewers: PresenceViewer[]): Promise<void> {
    await this.events.publish([
      {
        type: 'presence.changed',
        id: `presence.changed:${mentionId}:${randomUUID()}`,
        at: new Date().toISOString(),
        payload: { mentionId, viewers },
      },
    ]);
  }
}
