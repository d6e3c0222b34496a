import { BadRequestException, Injectable } from '@nestjs/common';
import type { SlaSummary } from '@lp/domain';
import { SlaRepository } from '@lp/persistence';
import { SlaSettingsService } from './sla-settings.service';

const DAY_MS = 86_400_000;

@Injectable()
export class SlaSummaryService {
  constructor(
    private readonly sla: SlaRepository,
    private readonly settings: SlaSettingsService,
  ) {}

  /** Breaches are counted over [since, until): by default the last 24 hours. */
  async summary(range: { since?: Date; until?: Date }): Promise<SlaSummary> {
    const until = range.until ?? new Date();
    const since = range.since ?? new Date(until.getTime() - DAY_MS);
    if (since >= until) throw new BadRequestException({ field: 'since', message: 'since must be before until' });
    return this.sla.summary({ since, until }, (await this.settings.get()).firstResponseTargetsS);
  }
}
