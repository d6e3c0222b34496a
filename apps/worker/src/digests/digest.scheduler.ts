import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DigestSummary } from '@lp/domain';
import { CredentialCipher, DigestRepository, EscalationConfigRepository, SettingsRepository } from '@lp/persistence';
import { sendMail } from '../escalation/channels/email.channel';
import { openChannelSecret } from '../escalation/channel-secrets';

export const DIGEST_SETTINGS_KEY = 'digest';

interface DigestSettings {
  /** Shift length; a digest is made at each shift boundary (UTC). */
  everyHours?: number;
  /** Email channels the digest goes to. */
  channelIds?: string[];
}

/**
 * The shift handover digest on a schedule: at each shift boundary one worker stores it (a unique
 * index on the period end lets exactly one insert win) and that worker emails it.
 */
@Injectable()
export class DigestScheduler {
  constructor(
    private readonly digests: DigestRepository,
    private readonly settings: SettingsRepository,
    private readonly escalation: EscalationConfigRepository,
    private readonly cipher: CredentialCipher,
    @InjectPinoLogger(DigestScheduler.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(60_000)
  async tick(): Promise<void> {
    try {
      const stored = (await this.settings.get<DigestSettings>(DIGEST_SETTINGS_KEY))?.value ?? {};
      const shiftMs = Math.max(1, stored.everyHours ?? 8) * 3_600_000;
      const end = new Date(Math.floor(Date.now() / shiftMs) * shiftMs);
      const summary = await this.digests.summarise(new Date(end.getTime() - shiftMs), end);
      const digest = await this.digests.insert(summary, null, true);
      if (!digest) return;
      this.logger.info({ digestId: digest.id }, 'shift digest made');
      for (const channelId of stored.channelIds ?? []) await this.email(channelId, summary);
    } catch (error) {
      this.logger.error({ error: String(error) }, 'shift digest failed');
    }
  }

  private async email(channelId: string, summary: DigestSummary): Promise<void> {
    const channel = await this.escalation.getChannel(channelId);
    if (channel?.view.kind !== 'email' || !channel.view.enabled || !channel.view.config.to) return;
    try {
      await sendMail(
        { config: channel.view.config, secret: openChannelSecret(this.cipher, channelId, channel.sealedSecret) },
        String(channel.view.config.to),
        `Shift handover ${summary.periodStart} – ${summary.periodEnd}`,
        digestText(summary),
      );
    } catch (error) {
      this.logger.warn({ channelId, error: String(error) }, 'digest email not sent');
    }
  }
}

export function digestText(s: DigestSummary): string {
  return [
    `Shift ${s.periodStart} – ${s.periodEnd}`,
    `Mentions: ${s.mentions} (negative ${s.sentiment.negative}, neutral ${s.sentiment.neutral}, positive ${s.sentiment.positive})`,
    `Incidents opened: ${s.incidentsOpened}; still open: ${s.openIncidents.length}`,
    ...s.openIncidents.map((i) => `  - ${i.title} (${i.status}, since ${i.openedAt})`),
    `SLA breaches: ${s.slaBreaches}`,
    `Unanswered critical mentions: ${s.unansweredCritical}`,
  ].join('\n');
}
