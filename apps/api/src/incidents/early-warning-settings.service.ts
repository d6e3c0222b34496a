import { Injectable } from '@nestjs/common';
import {
  completeEarlyWarning,
  DEFAULT_EARLY_WARNING,
  EARLY_WARNING_SETTINGS_KEY,
  type EarlyWarningSettings,
} from '@lp/domain';
import { AuditRepository, SettingsRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';

export interface EarlyWarningSettingsView extends EarlyWarningSettings {
  version: number;
}

@Injectable()
export class EarlyWarningSettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async get(): Promise<EarlyWarningSettingsView> {
    const stored = await this.settings.get(EARLY_WARNING_SETTINGS_KEY);
    return { ...completeEarlyWarning(stored?.value), version: stored?.version ?? 0 };
  }

  async update(requested: Partial<EarlyWarningSettings>, user: AuthUser): Promise<EarlyWarningSettingsView> {
    // Copied key by key so nothing but the current settings is stored (keys an older version stored,
    // such as termWindowS or groupWindowS, are dropped on read and never written back); a setting left
    // out keeps its value (a form that predates the product catalogue must not reset it).
    const current = completeEarlyWarning((await this.settings.get(EARLY_WARNING_SETTINGS_KEY))?.value);
    const value = Object.fromEntries(
      (Object.keys(DEFAULT_EARLY_WARNING) as Array<keyof EarlyWarningSettings>).map((k) => [
        k,
        requested[k] ?? current[k],
      ]),
    ) as unknown as EarlyWarningSettings;
    const stored = await this.settings.put(EARLY_WARNING_SETTINGS_KEY, value, user.id);
    await this.audit.record({
      actorId: user.id,
      action: 'settings.changed',
      subject: EARLY_WARNING_SETTINGS_KEY,
      details: { to: value, version: stored.version },
    });
    return { ...value, version: stored.version };
  }
}
