import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EventPublisher, mentionUpdatedEvent } from '@lp/events';
import { AuditRepository, ClaimRepository, MentionRepository } from '@lp/persistence';

/**
 * Returns mentions whose claim lease ran out to the queue, records each in the audit trail (by
 * nobody: the clock released it) and tells every screen. Safe on several workers at once: the
 * UPDATE frees each expired claim exactly once, in the same transaction as its audit entry.
 */
@Injectable()
export class ClaimLeaseSweeper {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimRepository,
    private readonly mentions: MentionRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    @InjectPinoLogger(ClaimLeaseSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(1_000)
  async sweep(): Promise<void> {
    try {
      const expired = await this.dataSource.transaction(async (tx) => {
        const freed = await this.claims.expireLeases(tx);
        for (const { mentionId, userId } of freed) {
          await this.audit.record(
            {
              actorId: null,
              action: 'mention.released',
              mentionId,
              details: { releasedUserId: userId, reason: 'lease expired' },
            },
            tx,
          );
        }
        return freed;
      });
      if (expired.length === 0) return;
      const views = await this.mentions.getByIds(expired.map((e) => e.mentionId));
      const now = new Date();
      await this.events.publish(views.map((view) => mentionUpdatedEvent(view, now)));
      this.logger.info({ count: expired.length }, 'claim leases expired; mentions back in the queue');
    } catch (error) {
      this.logger.error({ error: String(error) }, 'claim lease sweep failed');
    }
  }
}
