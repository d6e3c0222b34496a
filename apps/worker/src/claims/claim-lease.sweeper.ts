import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { EventPublisher, type RealtimeEvent } from '@lp/events';
import { ClaimRepository, MentionRepository } from '@lp/persistence';

/**
 * Returns mentions whose claim lease ran out to the queue and tells every screen. Safe on several
 * workers at once: the UPDATE frees each expired claim exactly once.
 */
@Injectable()
export class ClaimLeaseSweeper {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly mentions: MentionRepository,
    private readonly events: EventPublisher,
    @InjectPinoLogger(ClaimLeaseSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(1_000)
  async sweep(): Promise<void> {
    try {
      const expired = await this.claims.expireLeases();
      if (expired.length === 0) return;
      const events: RealtimeEvent[] = [];
      for (const id of expired) {
        const view = await this.mentions.getById(id);
        if (view)
          events.push({
            type: 'mention.updated',
            id: `mention.updated:${id}:${Date.now()}`,
            at: new Date().toISOString(),
            payload: view,
          });
      }
      await this.events.publish(events);
      this.logger.info({ count: expired.length }, 'claim leases expired; mentions back in the queue');
    } catch (error) {
      this.logger.error({ error: String(error) }, 'claim lease sweep failed');
    }
  }
}
