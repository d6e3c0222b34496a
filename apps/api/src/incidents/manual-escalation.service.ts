import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { IncidentView } from '@lp/domain';
import { EventPublisher, incidentEvent } from '@lp/events';
import { AuditRepository, IncidentRepository, MentionRepository, UserRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';

/** Long enough to say what it is about on a pager, short enough for an SMS-sized title. */
const TITLE_TEXT = 80;

/**
 * An agent's "escalate this" (the console's `e`): one incident per mention while unresolved, with
 * the mention linked. The worker's ladder sweeper puts an incident without a ladder on the
 * "incident detected" rule's ladder, so a manual escalation pages like a detected spike.
 */
@Injectable()
export class ManualEscalationService {
  constructor(
    private readonly mentions: MentionRepository,
    private readonly incidents: IncidentRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
  ) {}

  async escalate(mentionId: string, user: AuthUser): Promise<{ incident: IncidentView; created: boolean }> {
    if (user.role === 'volunteer') throw new ForbiddenException('volunteers ask an agent to escalate');
    const mention = await this.mentions.getById(mentionId);
    if (!mention) throw new NotFoundException(`no mention ${mentionId}`);
    const by = (await this.users.findById(user.id))?.name ?? user.email;
    const text = mention.text.length > TITLE_TEXT ? `${mention.text.slice(0, TITLE_TEXT - 1)}…` : mention.text;
    const { id, created } = await this.incidents.openOrJoin({
      groupKey: `manual:${mentionId}`,
      title: `Escalated: ${text}`,
      severity: mention.urgencyLevel === 'critical' ? 'critical' : 'error',
      trigger: 'manual',
      triggerDetails: { mentionId, by, urgency: mention.urgency, platform: mention.platform },
      topic: mention.topic,
      terms: [],
      policyId: null,
      ruleId: null,
    });
    await this.incidents.linkMentions(id, [mentionId]);
    if (created) {
      await this.audit.record({ actorId: user.id, action: 'mention.escalated', mentionId, subject: id });
    }
    const incident = (await this.incidents.get(id))!;
    await this.events.publish([incidentEvent(created ? 'incident.created' : 'incident.updated', incident)]);
    return { incident, created };
  }
}
