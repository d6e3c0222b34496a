import { Injectable, NotFoundException } from '@nestjs/common';
import type { EscalationPolicyView, EscalationRuleView, EscalationTrigger } from '@lp/domain';
import { EscalationConfigRepository } from '@lp/persistence';
import type { PolicyDto, RuleDto } from './escalation.dto';
import { fieldError } from '../validation.pipe';

/** Ladders and rules: each step names channels that exist, each rule a ladder that exists. */
@Injectable()
export class EscalationService {
  constructor(private readonly repo: EscalationConfigRepository) {}

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
