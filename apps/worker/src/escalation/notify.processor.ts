import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Worker } from 'bullmq';
import type { AppConfig } from '@lp/config';
import { EventPublisher, incidentEvent } from '@lp/events';
import { APP_CONFIG, incidentLinkUrl } from '@lp/nest-core';
import { CredentialCipher, DeliveryRepository, EscalationConfigRepository, IncidentRepository } from '@lp/persistence';
import type { JobData, JobName, TypedJob } from '@lp/queue';
import { startConsumer } from '../queue-consumer';
import { ChannelRegistry } from './channels/channel-registry';
import { openChannelSecret } from './channel-secrets';

/**
 * Consumes the `notify` queue: sends one delivery row on its channel. A failure is recorded on the
 * row (attempts, last error, `retrying`) and rethrown so BullMQ retries it with exponential backoff;
 * the last attempt marks it `failed`, which the on-call screen shows. Nothing is dropped silently.
 */
@Injectable()
export class NotifyProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<JobData<'notify'>, unknown, JobName<'notify'>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveryRepository,
    private readonly incidents: IncidentRepository,
    private readonly escalation: EscalationConfigRepository,
    private readonly cipher: CredentialCipher,
    private readonly channels: ChannelRegistry,
    private readonly events: EventPublisher,
    @InjectPinoLogger(NotifyProcessor.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startConsumer(
      'notify',
      this.config,
      (job) => this.process(job),
      { concurrency: 8, lockDurationMs: this.config.ingest.lockDurationMs },
      this.logger,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: TypedJob<'notify'>): Promise<void> {
    const delivery = await this.deliveries.get(job.data.deliveryId);
    if (!delivery || delivery.status === 'sent') return;
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    try {
      const [incident, channel] = await Promise.all([
        this.incidents.get(delivery.incidentId),
        this.escalation.getChannel(delivery.channelId),
      ]);
      if (!incident || !channel) throw new Error('the incident or channel no longer exists');
      const { publicUrl, linkSecret, linkTtlS } = this.config.escalation;
      const links = linkSecret && delivery.action === 'trigger';
      await this.channels.get(channel.view.kind).send(
        {
          action: delivery.action,
          incident,
          step: delivery.step,
          target: delivery.target,
          recipient: delivery.targetUserId ? ((await this.escalation.recipient(delivery.targetUserId)) ?? null) : null,
          acknowledgeUrl: links ? incidentLinkUrl(publicUrl, linkSecret, incident.id, 'acknowledge', linkTtlS) : null,
          resolveUrl: links ? incidentLinkUrl(publicUrl, linkSecret, incident.id, 'resolve', linkTtlS) : null,
          appUrl: `${publicUrl}/oncall`,
        },
        { config: channel.view.config, secret: openChannelSecret(this.cipher, channel.view.id, channel.sealedSecret) },
      );
      await this.deliveries.markSent(delivery.id, attempt);
      this.logger.info({ deliveryId: delivery.id, incidentId: delivery.incidentId, step: delivery.step }, 'page sent');
      await this.announce(delivery.incidentId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt >= maxAttempts;
      await this.deliveries.markAttemptFailed(delivery.id, attempt, message, final);
      this.logger.warn({ deliveryId: delivery.id, attempt, final, error: message }, 'page not delivered');
      await this.announce(delivery.incidentId);
      throw error;
    }
  }

  private async announce(incidentId: string): Promise<void> {
    const view = await this.incidents.get(incidentId);
    if (view) await this.events.publish([incidentEvent('incident.updated', view, new Date())]);
  }
}
