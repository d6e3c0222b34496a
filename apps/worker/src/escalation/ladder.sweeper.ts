import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { EscalationConfigRepository, IncidentRepository } from '@lp/persistence';
import { PollLock } from '../polling/poll-lock';
import { EscalationLadder } from './escalation-ladder';

/**
 * The safety net under the ladder: every 15 s one worker puts back any pending step that is not in
 * Redis, and starts the ladder of a spike incident whose opener died before starting it. Both are
 * idempotent (deterministic job ids, conditional UPDATEs), so running it on several workers is harmless.
 */
@Injectable()
export class LadderSweeper {
  constructor(
    private readonly ladder: EscalationLadder,
    private readonly incidents: IncidentRepository,
    private readonly escalation: EscalationConfigRepository,
    private readonly lock: PollLock,
    @InjectPinoLogger(LadderSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(15_000)
  async sweep(): Promise<void> {
    const held = await this.lock.acquire('ladder-sweep', 30_000).catch(() => undefined);
    if (!held) return;
    try {
      const rule = (await this.escalation.listRules(true)).find((r) => r.trigger.kind === 'incident');
      if (rule) {
        for (const id of await this.incidents.spikesWithoutLadder(50))
          await this.ladder.start(id, rule.policyId, rule.id);
      }
      await this.ladder.repair();
    } catch (error) {
      this.logger.error({ error: String(error) }, 'ladder sweep failed');
    } finally {
      await held.release();
    }
  }
}
