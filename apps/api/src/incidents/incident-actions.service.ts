import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '@lp/config';
import type { DeliveryView, IncidentTimelineEntry, IncidentView } from '@lp/domain';
import { EventPublisher, incidentEvent } from '@lp/events';
import { APP_CONFIG, NOTIFY_QUEUE } from '@lp/nest-core';
import { AuditRepository, DeliveryRepository, EscalationConfigRepository, IncidentRepository } from '@lp/persistence';
import { deliveryJobId, type TypedQueue } from '@lp/queue';

export interface IncidentDetail {
  incident: IncidentView;
  timeline: IncidentTimelineEntry[];
  deliveries: DeliveryView[];
  mentionIds: string[];
}

/**
 * Reading and acting on incidents. Acknowledging or resolving is one conditional UPDATE; the
 * ladder's next step re-reads the status and stops. Each change, its timeline entry and its audit
 * entry commit together. PagerDuty channels that were triggered are sent the matching event (same
 * dedup key) so the alert there closes too.
 */
@Injectable()
export class IncidentActionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentRepository,
    private readonly audit: AuditRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly escalation: EscalationConfigRepository,
    private readonly events: EventPublisher,
    @Inject(NOTIFY_QUEUE) private readonly notifyQueue: TypedQueue<'notify'>,
  ) {}

  list(status: IncidentView['status'] | 'unresolved' | undefined, limit: number): Promise<IncidentView[]> {
    return this.incidents.list({ status, limit });
  }

  async detail(id: string): Promise<IncidentDetail> {
    const incident = await this.require(id);
    const [timeline, deliveries, mentionIds] = await Promise.all([
      this.incidents.timeline(id),
      this.deliveries.forIncident(id),
      this.incidents.mentionIds(id),
    ]);
    return { incident, timeline, deliveries, mentionIds };
  }

  recentDeliveries(limit: number): Promise<DeliveryView[]> {
    return this.deliveries.recent(limit);
  }

  /** `actorId` is null for a signed link (the link, not a session, vouches for it). */
  async acknowledge(id: string, actorId: string | null, via: 'app' | 'link'): Promise<IncidentView> {
    const before = await this.require(id);
    const changed = await this.recorded(id, actorId, 'incident.acknowledged', { via }, (tx) =>
      this.incidents.acknowledge(id, actorId, tx),
    );
    if (!changed) {
      if (before.status === 'acknowledged') return before;
      throw new ConflictException({ message: `the incident is ${before.status}`, status: before.status });
    }
    await this.follow(id, 'acknowledge');
    return this.announce(id);
  }

  async resolve(id: string, actorId: string | null, via: 'app' | 'link'): Promise<IncidentView> {
    const before = await this.require(id);
    const changed = await this.recorded(id, actorId, 'incident.resolved', { via }, (tx) =>
      this.incidents.resolve(id, actorId, tx),
    );
    if (!changed) return before;
    await this.follow(id, 'resolve');
    return this.announce(id);
  }

  async assign(id: string, ownerId: string | null, actorId: string): Promise<IncidentView> {
    await this.require(id);
    if (ownerId && !(await this.escalation.recipient(ownerId))) {
      throw new NotFoundException({ field: 'ownerId', message: 'no active user with this id' });
    }
    await this.recorded(id, actorId, 'incident.owner_changed', { ownerId }, (tx) =>
      this.incidents.assignOwner(id, ownerId, tx),
    );
    return this.announce(id);
  }

  /**
   * Runs `change` and, when it changed the incident, writes the timeline entry (its kind is the
   * audit action's verb: acknowledged, resolved, owner.changed) and the audit entry, in one transaction.
   */
  private recorded(
    id: string,
    actorId: string | null,
    action: 'incident.acknowledged' | 'incident.resolved' | 'incident.owner_changed',
    details: Record<string, unknown>,
    change: (tx: EntityManager) => Promise<boolean>,
  ): Promise<boolean> {
    const kind = action === 'incident.owner_changed' ? 'owner.changed' : action.slice('incident.'.length);
    return this.dataSource.transaction(async (tx) => {
      if (!(await change(tx))) return false;
      await this.incidents.addTimeline(id, kind, actorId, details, tx);
      await this.audit.record({ actorId, action, subject: id, details }, tx);
      return true;
    });
  }

  private async follow(id: string, action: 'acknowledge' | 'resolve'): Promise<void> {
    const triggered = await this.deliveries.triggeredChannels(id);
    const channels = (await Promise.all(triggered.map((c) => this.escalation.getChannel(c)))).filter(
      (c) => c?.view.kind === 'pagerduty',
    );
    if (channels.length === 0) return;
    await this.deliveries.insertMany(
      channels.map((c) => ({
        incidentId: id,
        step: 0,
        channelId: c!.view.id,
        target: null,
        targetUserId: null,
        action,
      })),
    );
    for (const delivery of await this.deliveries.unsent(id, 0, action)) {
      await this.notifyQueue.add(
        'notify.deliver',
        { deliveryId: delivery.id },
        {
          jobId: deliveryJobId(delivery.id),
          attempts: this.config.escalation.notifyAttempts,
          backoff: { type: 'exponential', delay: this.config.escalation.notifyBackoffMs },
        },
      );
    }
  }

  private async announce(id: string): Promise<IncidentView> {
    const view = await this.require(id);
    await this.events.publish([incidentEvent('incident.updated', view)]);
    return view;
  }

  private async require(id: string): Promise<IncidentView> {
    const view = await this.incidents.get(id);
    if (!view) throw new NotFoundException(`incident ${id} not found`);
    return view;
  }
}
