import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lp/config';
import { onCallAt, type EscalationPolicyView, type EscalationTarget } from '@lp/domain';
import { EventPublisher, incidentEvent } from '@lp/events';
import { APP_CONFIG, ESCALATION_QUEUE, NOTIFY_QUEUE } from '@lp/nest-core';
import { DeliveryRepository, EscalationConfigRepository, IncidentRepository } from '@lp/persistence';
import { deliveryJobId, escalationJobId, type TypedQueue } from '@lp/queue';

/**
 * The ladder: step k pages its target on its channels, and schedules step k+1 as a delayed BullMQ
 * job (`esc-<incident>-<k+1>`), which survives restarts in Redis. Each step is taken by one
 * conditional UPDATE (open and still at step k) in the transaction that writes its delivery rows,
 * so a re-run never pages twice; a re-run of a step already taken only re-enqueues what that step
 * left unsent and its successor (job ids dedupe), so a crash between commit and enqueue loses nothing.
 */
@Injectable()
export class EscalationLadder {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentRepository,
    private readonly escalation: EscalationConfigRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly events: EventPublisher,
    @Inject(ESCALATION_QUEUE) private readonly ladderQueue: TypedQueue<'escalation'>,
    @Inject(NOTIFY_QUEUE) private readonly notifyQueue: TypedQueue<'notify'>,
    @InjectPinoLogger(EscalationLadder.name) private readonly logger: PinoLogger,
  ) {}

  /** Puts an incident on a policy's ladder, once: an incident already on a ladder keeps its own. */
  async start(incidentId: string, policyId: string, ruleId: string | null): Promise<void> {
    const policy = await this.escalation.getPolicy(policyId);
    if (!policy || policy.steps.length === 0) return;
    if (!(await this.incidents.setPolicy(incidentId, policyId, ruleId))) return;
    await this.incidents.addTimeline(incidentId, 'escalation.started', null, { policyId, policy: policy.name, ruleId });
    await this.schedule(incidentId, 0, policy.steps[0]!.delayS);
  }

  async runStep(incidentId: string, step: number): Promise<void> {
    const incident = await this.incidents.get(incidentId);
    if (!incident?.policyId) return;
    const policy = await this.escalation.getPolicy(incident.policyId);
    const definition = policy?.steps[step];
    if (!policy || !definition) return;
    // A channel switched off (or deleted) stays in the ladder but is not paged.
    const live = new Set((await this.escalation.listChannels()).filter((c) => c.view.enabled).map((c) => c.view.id));
    const channelIds = definition.channelIds.filter((id) => live.has(id));

    const taken = await this.dataSource.transaction(async (tx) => {
      if (!(await this.incidents.takeStep(incidentId, step, tx))) return false;
      const userId = await this.targetUser(policy, definition.target);
      await this.deliveries.insertMany(
        channelIds.map((channelId) => ({
          incidentId,
          step,
          channelId,
          target: definition.target,
          targetUserId: userId ?? null,
          action: 'trigger' as const,
        })),
        tx,
      );
      await this.incidents.addTimeline(
        incidentId,
        'paged',
        null,
        {
          step,
          target: definition.target,
          userId: userId ?? null,
          channels: channelIds.length,
          skippedChannels: definition.channelIds.length - channelIds.length,
        },
        tx,
      );
      return true;
    });
    // Not taken and never reached: the incident was acknowledged or resolved first, so the ladder stops.
    if (!taken && incident.escalationStep <= step) return;
    if (taken) this.logger.info({ incidentId, step, target: definition.target }, 'incident paged');

    for (const delivery of await this.deliveries.unsent(incidentId, step, 'trigger')) {
      await this.enqueueDelivery(delivery.id);
    }
    const next = policy.steps[step + 1];
    if (next) await this.schedule(incidentId, step + 1, next.delayS);
    if (taken) {
      const view = await this.incidents.get(incidentId);
      if (view) await this.events.publish([incidentEvent('incident.updated', view)]);
    }
  }

  /**
   * Re-adds the pending step of every open incident on a ladder. Job ids are deterministic, so a
   * step already waiting in Redis is left alone; one lost (Redis lost its data, or the enqueue
   * after the commit never happened) is scheduled again with what remains of its delay.
   */
  async repair(): Promise<void> {
    for (const incident of await this.incidents.onLadder(200)) {
      const policy = await this.escalation.getPolicy(incident.policyId);
      const step = policy?.steps[incident.step];
      if (!step) continue;
      // Counted from the last change of the incident (its previous step), as the ladder itself does.
      const remainingS = Math.max(0, step.delayS - incident.sinceMs / 1000);
      await this.schedule(incident.id, incident.step, remainingS);
    }
  }

  async enqueueDelivery(deliveryId: string): Promise<void> {
    await this.notifyQueue.add(
      'notify.deliver',
      { deliveryId },
      {
        jobId: deliveryJobId(deliveryId),
        attempts: this.config.escalation.notifyAttempts,
        backoff: { type: 'exponential', delay: this.config.escalation.notifyBackoffMs },
      },
    );
  }

  private async schedule(incidentId: string, step: number, delayS: number): Promise<void> {
    await this.ladderQueue.add(
      'escalation.step',
      { incidentId, step },
      { jobId: escalationJobId(incidentId, step), delay: Math.max(0, delayS * 1000) },
    );
  }

  private async targetUser(policy: EscalationPolicyView, target: EscalationTarget): Promise<string | undefined> {
    const rotation = policy.rotationId ? await this.escalation.getRotation(policy.rotationId) : undefined;
    if (target === 'manager') return rotation?.managerUserId ?? (await this.escalation.firstManager());
    if (!rotation) return undefined;
    return onCallAt(rotation, new Date())[target] ?? undefined;
  }
}
