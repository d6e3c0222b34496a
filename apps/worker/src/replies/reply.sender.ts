import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DelayedError, type Worker } from 'bullmq';
import { ConnectorError } from '@lp/connectors';
import type { AppConfig } from '@lp/config';
import type { MentionView, ReplyView } from '@lp/domain';
import { EventPublisher, mentionUpdatedEvent, replyUpdatedEvent, type RealtimeEvent } from '@lp/events';
import { APP_CONFIG } from '@lp/nest-core';
import {
  AuditRepository,
  CredentialCipher,
  MentionRepository,
  ReplyRepository,
  SourceRepository,
} from '@lp/persistence';
import type { JobData, JobName, TypedJob } from '@lp/queue';
import { ConnectorRegistry } from '../polling/connector-registry';
import { startConsumer } from '../queue-consumer';
import { sourceContextOf } from '../sources/source-context';
import { classifyReplyFailure } from './reply-failure';

/**
 * Consumes the `reply` queue and posts each reply at most once. A reply is taken for sending by a
 * conditional UPDATE (queued → sending) before the platform is called; a job that finds it still
 * `sending` is a re-run after a crash mid-call, so it stops the reply for a person instead of posting again.
 */
@Injectable()
export class ReplySender implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<JobData<'reply'>, unknown, JobName<'reply'>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly replies: ReplyRepository,
    private readonly mentions: MentionRepository,
    private readonly sources: SourceRepository,
    private readonly cipher: CredentialCipher,
    private readonly connectors: ConnectorRegistry,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    @InjectPinoLogger(ReplySender.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startConsumer(
      'reply',
      this.config,
      (job, token) => this.process(job, token),
      { concurrency: this.config.replies.concurrency, lockDurationMs: this.config.ingest.lockDurationMs },
      this.logger,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: TypedJob<'reply'>, token: string | undefined): Promise<void> {
    const { replyId } = job.data;
    if (!(await this.replies.takeForSending(replyId))) {
      const current = await this.replies.get(replyId);
      if (current?.view.status === 'sending') {
        await this.fail(replyId, 'sending was interrupted; check the platform before retrying', true);
      }
      return;
    }
    const stored = (await this.replies.get(replyId))!;
    const mention = await this.mentions.getById(stored.view.mentionId);
    try {
      const posted = await this.post(stored.view, mention);
      if (await this.replies.markSent(replyId, posted)) {
        await this.audit.record({
          actorId: stored.view.authorId,
          action: 'reply.sent',
          mentionId: stored.view.mentionId,
          subject: replyId,
          details: { platformReplyId: posted.externalId, url: posted.url },
        });
        this.logger.info({ replyId, platformReplyId: posted.externalId }, 'reply posted');
      }
      await this.announce(replyId, true);
    } catch (error) {
      const failure = classifyReplyFailure(error);
      if (failure.kind === 'wait' && token) {
        await this.replies.putBack(replyId, failure.reason);
        await this.announce(replyId, false);
        await job.moveToDelayed(failure.until.getTime(), token);
        // Tells BullMQ the job was moved on purpose, not failed.
        throw new DelayedError();
      }
      await this.fail(replyId, failure.reason, failure.kind === 'unknown');
    }
  }

  private async post(reply: ReplyView, mention: MentionView | undefined) {
    if (!mention) throw new ConnectorError(`mention ${reply.mentionId} no longer exists`, false);
    const connector = this.connectors.get(mention.platform);
    const source = mention.sourceId ? await this.sources.findById(mention.sourceId) : null;
    if (!connector || !source) {
      throw new ConnectorError(`no ${mention.platform} source to reply through`, false);
    }
    return connector.reply(
      sourceContextOf(source, this.cipher),
      {
        externalId: mention.externalId,
        parentExternalId: mention.inReplyToExternalId,
        authorHandle: mention.author.handle,
        text: mention.text,
      },
      reply.text,
    );
  }

  private async fail(replyId: string, reason: string, outcomeUnknown: boolean): Promise<void> {
    if (!(await this.replies.markFailed(replyId, reason, outcomeUnknown))) return;
    const stored = await this.replies.get(replyId);
    await this.audit.record({
      actorId: null,
      action: 'reply.failed',
      mentionId: stored?.view.mentionId ?? null,
      subject: replyId,
      details: { reason, outcomeUnknown },
    });
    this.logger.warn({ replyId, outcomeUnknown, reason }, 'reply not posted');
    await this.announce(replyId, false);
  }

  /** Every screen hears of the reply's new state, and of the mention's when it was answered. */
  private async announce(replyId: string, withMention: boolean): Promise<void> {
    const stored = await this.replies.get(replyId);
    if (!stored) return;
    const events: RealtimeEvent[] = [replyUpdatedEvent(stored.view)];
    const mention = withMention ? await this.mentions.getById(stored.view.mentionId) : undefined;
    if (mention) events.push(mentionUpdatedEvent(mention));
    await this.events.publish(events);
  }
}
