import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelView } from '@lp/domain';
import { AuditRepository, CredentialCipher, EscalationConfigRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { fieldError } from '../validation.pipe';
import { channelChanges, type SecretChange } from './channel-changes';
import { validateChannelConfig } from './channel-config';
import type { ChannelDto, UpdateChannelDto } from './channel.dto';

/** Bound to the channel id, as source credentials are to their source, so a sealed value copied to another row does not open. */
const secretAad = (channelId: string) => `channel:${channelId}`;

const routingKeyRequired = () => fieldError('secret', 'the PagerDuty routing key is required');

/**
 * Notification channels. Secrets are sealed on the way in and never come back out: views and audit
 * entries only say whether one is stored. Every change is audited as a settings change (the audit
 * catalogue has no channel action of its own), in the transaction that makes it.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: EscalationConfigRepository,
    private readonly cipher: CredentialCipher,
    private readonly audit: AuditRepository,
  ) {}

  async list(): Promise<ChannelView[]> {
    return (await this.repo.listChannels()).map((c) => c.view);
  }

  async create(dto: ChannelDto, user: AuthUser): Promise<ChannelView> {
    const config = validateChannelConfig(dto.kind, dto.config);
    if (dto.kind === 'pagerduty' && !dto.secret) throw routingKeyRequired();
    const id = randomUUID();
    const sealed = dto.secret ? this.cipher.seal({ secret: dto.secret }, secretAad(id)) : null;
    const stored = await this.repo.createChannel(id, { name: dto.name, kind: dto.kind, config }, sealed);
    await this.audit.record({
      actorId: user.id,
      action: 'settings.changed',
      subject: `channel:${id}`,
      details: { event: 'channel.created', kind: dto.kind, name: dto.name, hasSecret: sealed !== null },
    });
    return stored.view;
  }

  /** Changes what the request names; a config is checked against the channel's own kind, as on create. */
  async update(id: string, dto: UpdateChannelDto, user: AuthUser): Promise<ChannelView> {
    return this.dataSource.transaction(async (tx) => {
      const before = await this.repo.getChannel(id, tx, true);
      if (!before) throw new NotFoundException(`channel ${id} not found`);
      const kind = before.view.kind;
      const config = dto.config === undefined ? undefined : validateChannelConfig(kind, dto.config);
      if (dto.secret === null && kind === 'pagerduty') throw routingKeyRequired();
      const secret: SecretChange = dto.secret === undefined ? 'kept' : dto.secret === null ? 'removed' : 'replaced';
      const sealedSecret =
        typeof dto.secret === 'string' ? this.cipher.seal({ secret: dto.secret }, secretAad(id)) : dto.secret;
      const after = await this.repo.updateChannel(
        id,
        { name: dto.name, enabled: dto.enabled, config, sealedSecret },
        tx,
      );
      if (!after) throw new NotFoundException(`channel ${id} not found`);
      const changes = channelChanges(before.view, after.view, secret);
      // Saving what is already in force is not a change worth an entry.
      if (changes.changed.length > 0) {
        await this.audit.record(
          {
            actorId: user.id,
            action: 'settings.changed',
            subject: `channel:${id}`,
            details: { event: 'channel.updated', kind, name: after.view.name, ...changes },
          },
          tx,
        );
      }
      return after.view;
    });
  }

  async delete(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const before = await this.repo.getChannel(id, tx, true);
      if (!before || !(await this.repo.deleteChannel(id, tx))) throw new NotFoundException(`channel ${id} not found`);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'settings.changed',
          subject: `channel:${id}`,
          details: { event: 'channel.deleted', kind: before.view.kind, name: before.view.name },
        },
        tx,
      );
    });
  }
}
