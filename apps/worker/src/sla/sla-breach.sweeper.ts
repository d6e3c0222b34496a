import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { EventPublisher, mentionUpdatedEvent, slaBreachedEvent } from '@lp/events';
import { MentionRepository, SlaRepository } from '@lp/persistence';

/** Per sweep, so a backlog of old mentions reaches the screens in digestible batches. */
const BATCH = 500;

/**
 * Marks open mentions past their first-response deadline as breached, once each, and tells every
 * screen (`mention.sla_breached`, then `mention.updated`). Safe on several workers at once: the
 * conditional UPDATE marks each mention in exactly one sweep.
 */
@Injectable()
export class SlaBreachSweeper {
  constructor(
    private readonly sla: SlaRepository,
    private readonly mentions: MentionRepository,
    private readonly events: EventPublisher,
    @InjectPinoLogger(SlaBreachSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(1_000)
  async sweep(): Promise<void> {
    try {
      const breached = await this.sla.markBreaches(BATCH);
      if (breached.length === 0) return;
      const views = await this.mentions.getByIds(breached);
      const now = new Date();
      await this.events.publish(views.flatMap((view) => [slaBreachedEvent(view, now), mentionUpdatedEvent(view, now)]));
      this.logger.info({ count: breached.length }, 'mentions breached their first-response target');
    } catch (error) {
      this.logger.error({ error: String(error) }, 'SLA breach sweep failed');
    }
  }
}
