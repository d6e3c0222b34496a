import { createHash } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import type { ReplyView } from '@lp/domain';
import { EventPublisher, replyUpdatedEvent } from '@lp/events';
import { APP_CONFIG, REPLY_QUEUE } from '@lp/nest-core';
import {
  AuditRepository,
  ClaimRepository,
  MentionRepository,
  ReplyRepository,
  type StoredReply,
} from '@lp/persistence';
import { replyJobId, type TypedQueue } from '@lp/queue';
import type { AuthUser } from '../auth/auth.decorators';
import { holderConflict } from '../workflow/holder-conflict';
import { replyRefused, ReplyComposer, type ComposedReply } from './reply-composer';
import type { CreateReplyDto } from './reply.dto';

/** Idempotency keys: what a client can generate (a UUID, a ULID, a random string), bounded. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * Replies from the dashboard. The (author, idempotency key) pair is unique in the database, so a
 * request sent many times (retries, double clicks, a response lost to a timeout) makes one reply,
 * and one queue job, whose sender posts it at most once.
 */
@Injectable()
export class RepliesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REPLY_QUEUE) private readonly queue: TypedQueue<'reply'>,
    private readonly replies: ReplyRepository,
    private readonly mentions: MentionRepository,
    private readonly claims: ClaimRepository,
    private readonly composer: ReplyComposer,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
  ) {}

  /** The reply as it would be posted, its length as the platform counts it, and whether the platform would take it. */
  async preview(mentionId: string, user: AuthUser, dto: CreateReplyDto): Promise<ComposedReply> {
    return this.composer.compose(await this.mention(mentionId), user, dto);
  }

  async create(
    mentionId: string,
    user: AuthUser,
    idempotencyKey: string | undefined,
    dto: CreateReplyDto,
  ): Promise<{ reply: ReplyView; created: boolean }> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw replyRefused(
        'Idempotency-Key',
        'send an Idempotency-Key header: 8-200 letters, digits or "_.:-", new per reply',
      );
    }
    const requestHash = hashRequest(mentionId, dto);
    const earlier = await this.replies.findByKey(user.id, idempotencyKey);
    if (earlier) return { reply: this.sameRequest(earlier, requestHash), created: false };

    const mention = await this.mention(mentionId);
    const holder = await this.claims.holderOf(mentionId);
    if (!holder)
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'claim the mention before replying',
        holder: null,
      });
    if (holder.userId !== user.id) throw holderConflict(holder);
    const composed = await this.composer.compose(mention, user, dto);
    if (composed.refusal) throw replyRefused('text', composed.refusal);

    const { stored, inserted } = await this.replies.insertOnce({
      mentionId,
      authorId: user.id,
      idempotencyKey,
      requestHash,
      text: composed.text,
      status: user.role === 'volunteer' ? 'pending_approval' : 'queued',
      cannedResponseId: composed.cannedResponseId,
    });
    // A concurrent twin of this request inserted first: answer as for a repeat.
    if (!inserted) return { reply: this.sameRequest(stored, requestHash), created: false };

    // Writing a reply is activity on the claim: the lease is renewed.
    await this.claims.claim(mentionId, user.id, this.config.claims.leaseS);
    await this.audit.record({
      actorId: user.id,
      action: 'reply.queued',
      mentionId,
      subject: stored.view.id,
      details: {
        status: stored.view.status,
        cannedResponseId: composed.cannedResponseId,
        length: composed.check.length,
      },
    });
    // Announced before it is queued, so screens hear "queued" before the worker's "sent".
    await this.announce(stored.view.id);
    if (stored.view.status === 'queued') await this.enqueue(stored);
    return { reply: stored.view, created: true };
  }

  async approve(replyId: string, user: AuthUser): Promise<ReplyView> {
    const stored = await this.reply(replyId);
    if (stored.view.authorId === user.id)
      throw new ForbiddenException('a reply is approved by someone other than its author');
    const mention = await this.mention(stored.view.mentionId);
    if (mention.status === 'replied' || mention.status === 'resolved' || mention.status === 'ignored') {
      throw new ConflictException(`this mention is already ${mention.status}; reject the draft instead`);
    }
    if (!(await this.replies.approve(replyId, user.id))) throw await this.notInState(stored, 'pending_approval');
    await this.audit.record({
      actorId: user.id,
      action: 'reply.approved',
      mentionId: stored.view.mentionId,
      subject: replyId,
    });
    const approved = await this.announce(replyId);
    await this.enqueue((await this.replies.get(replyId))!);
    return approved;
  }

  async reject(replyId: string, user: AuthUser, reason: string): Promise<ReplyView> {
    const stored = await this.reply(replyId);
    if (!(await this.replies.reject(replyId, reason, user.id))) throw await this.notInState(stored, 'pending_approval');
    await this.audit.record({
      actorId: user.id,
      action: 'reply.rejected',
      mentionId: stored.view.mentionId,
      subject: replyId,
      details: { reason },
    });
    return this.announce(replyId);
  }

  /** Sends a failed reply again. When the platform may have posted it, the person must say they checked. */
  async retry(replyId: string, user: AuthUser, checkedNotPosted: boolean): Promise<ReplyView> {
    const stored = await this.reply(replyId);
    if (stored.view.status === 'failed' && stored.view.outcomeUnknown && !checkedNotPosted) {
      throw new ConflictException(
        'the last attempt may have been posted: check the platform, then retry with checkedNotPosted: true',
      );
    }
    if (!(await this.replies.retry(replyId))) throw await this.notInState(stored, 'failed');
    await this.audit.record({
      actorId: user.id,
      action: 'reply.retried',
      mentionId: stored.view.mentionId,
      subject: replyId,
      details: { previousReason: stored.view.failureReason, checkedNotPosted },
    });
    const retried = await this.announce(replyId);
    await this.enqueue((await this.replies.get(replyId))!);
    return retried;
  }

  async listForMention(mentionId: string): Promise<ReplyView[]> {
    await this.mention(mentionId);
    return this.replies.listForMention(mentionId);
  }

  private sameRequest(stored: StoredReply, requestHash: string): ReplyView {
    if (stored.requestHash !== requestHash) {
      throw new ConflictException('this Idempotency-Key was already used for a different reply: use a new key');
    }
    return stored.view;
  }

  private async enqueue(stored: StoredReply): Promise<void> {
    await this.queue.add(
      'reply.send',
      { replyId: stored.view.id },
      { jobId: replyJobId(stored.view.id, stored.sendRound) },
    );
  }

  private async announce(replyId: string): Promise<ReplyView> {
    const stored = (await this.replies.get(replyId))!;
    await this.events.publish([replyUpdatedEvent(stored.view)]);
    return stored.view;
  }

  private async mention(id: string) {
    const mention = await this.mentions.getById(id);
    if (!mention) throw new NotFoundException(`no mention ${id}`);
    return mention;
  }

  private async reply(id: string): Promise<StoredReply> {
    const stored = await this.replies.get(id);
    if (!stored) throw new NotFoundException(`no reply ${id}`);
    return stored;
  }

  /** The 409 when a conditional change found the reply elsewhere: says where it is now. */
  private async notInState(stored: StoredReply, expected: string): Promise<ConflictException> {
    const now = (await this.replies.get(stored.view.id))?.view.status ?? stored.view.status;
    return new ConflictException(`this reply is ${now.replace('_', ' ')}, not ${expected.replace('_', ' ')}`);
  }
}

function hashRequest(mentionId: string, dto: CreateReplyDto): string {
  return createHash('sha256')
    .update(JSON.stringify([mentionId, dto.text ?? null, dto.cannedResponseId ?? null]))
    .digest('base64url');
}
