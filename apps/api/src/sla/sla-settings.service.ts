import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { completeSlaTargets, URGENCY_LEVELS, type SlaSettingsView, type SlaTargets } from '@lp/domain';
import {
  AuditRepository,
  SettingsRepository,
  SLA_SETTINGS_KEY,
  SlaRepository,
  type StoredSetting,
} from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';

interface StoredSla {
  firstResponseTargetsS?: unknown;
}

function toView(stored: StoredSetting<StoredSla> | undefined): SlaSettingsView {
  return {
    firstResponseTargetsS: completeSlaTargets(stored?.value.firstResponseTargetsS),
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/** First-response targets: read by everyone, edited by managers, every edit audited and applied to waiting mentions. */
@Injectable()
export class SlaSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly sla: SlaRepository,
    private readonly audit: AuditRepository,
  ) {}

  async get(): Promise<SlaSettingsView> {
    return toView(await this.settings.get<StoredSla>(SLA_SETTINGS_KEY));
  }

  /** Saving the targets already in force changes nothing: no new version, no audit entry. */
  async update(requested: SlaTargets, user: AuthUser): Promise<SlaSettingsView> {
    // Copied field by field so nothing but the four levels is ever stored.
    const targets = Object.fromEntries(URGENCY_LEVELS.map((l) => [l, requested[l]])) as SlaTargets;
    return this.dataSource.transaction(async (tx) => {
      const before = await this.settings.get<StoredSla>(SLA_SETTINGS_KEY, tx, true);
      const from = completeSlaTargets(before?.value.firstResponseTargetsS);
      if (before && URGENCY_LEVELS.every((l) => from[l] === targets[l])) return toView(before);
      const stored = await this.settings.put<StoredSla>(
        SLA_SETTINGS_KEY,
        { firstResponseTargetsS: targets },
        user.id,
        tx,
      );
      const rescheduled = await this.sla.applyTargets(targets, tx);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'settings.changed',
          subject: SLA_SETTINGS_KEY,
          details: { from, to: targets, version: stored.version, rescheduledMentions: rescheduled },
        },
        tx,
      );
      return toView(stored);
    });
  }
}
