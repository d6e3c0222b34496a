import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { ChannelView, EscalationPolicyView, EscalationRuleView, EscalationTrigger } from '@lp/domain';
import { AuditRepository, CredentialCipher, EscalationConfigRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { validateChannelConfig } from './channel-config';
import type { ChannelDto, PolicyDto, RuleDto } from './escalation.dto';
import { fieldError } from '../validation.pipe';

/** Channels, ladders and rules. Secrets are sealed on the way in and never come back out. */
@Injectable()
export class EscalationService {
  constructor(
    private readonly repo: EscalationConfigRepository,
    private readonly cipher: CredentialCipher,
    private readonly audit: AuditRepository,
  ) {}

  async listChannels(): Promise<ChannelView[]> {
    return (await this.repo.listChannels()).map((c) => c.view);
  }

  async createChannel(dto: ChannelDto, user: AuthUser): Promise<ChannelView> {
    const config = validateChannelConfig(dto.kind, dto.config);
    if (dto.kind === 'pagerduty' && !dto.secret) throw fieldError('secret', 'the PagerDuty routing key is required');
    const id = randomUUID();
    // Bound to the channel id, as source credentials are to their source.
    const sealed = dto.secret ? this.cipher.seal({ secret: dto.secret }, `channel:${id}`) : null;
    const stored = await this.repo.createChannel(id, { name: dto.name, kind: dto.kind, config }, sealed);
    await this.audit.record({
      actorId: user.id,
      // Audited as a settings change: the audit catalogue has no channel action of its own.
      action: 'settings.changed',
      subject: `channel:${id}`,
      details: { kind: dto.kind, name: dto.name, hasSecret: sealed !== null },
    });
    return stored.view;
  }

  async deleteChannel(id: string): Promise<void> {
    if (!(await this.repo.deleteChannel(id))) throw new NotFoundException(`channel ${id} not found`);
  }

  listPolicies(): Promise<EscalationPolicyView[]> {
    return this.repo.listPolicies();
  }

  async savePolicy(id: string | null, dto: PolicyDto): Promise<EscalationPolicyView> {
    const channels = new Set((await this.repo.listChannels()).map((c) => c.view.id));
    dto.steps.forEach((step, i) =>
      step.channelIds.forEach((c, j) => {
        if (!channels.has(c)) throw fieldError(`steps.${i}.channelIds.${j}`, 'no such channel');
      }),
    );
    if (dto.rotationId && !(await this.repo.getRotation(dto.rotationId))) {
      throw fieldError('rotationId', 'no such rotation');
    }
    const saved = await this.repo.savePolicy(id, {
      name: dto.name,
      rotationId: dto.rotationId ?? null,
      steps: dto.steps.map((s) => ({ target: s.target, delayS: s.delayS, channelIds: s.channelIds })),
    });
    if (!saved) throw new NotFoundException(`policy ${id} not found`);
    return saved;
  }

  listRules(): Promise<EscalationRuleView[]> {
    return this.repo.listRules();
  }

  async saveRule(id: string | null, dto: RuleDto): Promise<EscalationRuleView> {
    if (!(await this.repo.getPolicy(dto.policyId))) throw fieldError('policyId', 'no such policy');
    const saved = await this.repo.saveRule(id, {
      name: dto.name,
      enabled: dto.enabled ?? true,
      trigger: triggerOf(dto.trigger),
      policyId: dto.policyId,
    });
    if (!saved) throw new NotFoundException(`rule ${id} not found`);
    return saved;
  }

  async deleteRule(id: string): Promise<void> {
    if (!(await this.repo.deleteRule(id))) throw new NotFoundException(`rule ${id} not found`);
  }
}

/** Only the fields of the trigger's own kind are stored. */
function triggerOf(dto: RuleDto['trigger']): EscalationTrigger {
  switch (dto.kind) {
    case 'incident':
      return { kind: 'incident' };
    case 'sla_breach':
      return { kind: 'sla_breach' };
    case 'urgency':
      return { kind: 'urgency', level: dto.level! };
    case 'vip':
      return { kind: 'vip', minFollowers: dto.minFollowers! };
    case 'keyword':
      return { kind: 'keyword', keywords: dto.keywords! };
    case 'volume':
      return { kind: 'volume', perMinute: dto.perMinute! };
  }
}
