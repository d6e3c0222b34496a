import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '@lp/config';
import { normaliseTags, type MentionView } from '@lp/domain';
import { APP_CONFIG } from '@lp/nest-core';
import {
  AuditRepository,
  MentionRepository,
  MentionWorkflowRepository,
  UserRepository,
  type LockedMention,
} from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { holderConflict } from './holder-conflict';
import { MentionAnnouncer } from './mention-announcer';
import { decideStatusChange, type SettableStatus } from './status-rules';

/**
 * Status, tags and reassignment. Each change locks the mention's row, applies the rules, writes and
 * records its audit entry in one transaction, then tells the screens.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly workflow: MentionWorkflowRepository,
    private readonly mentions: MentionRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly announcer: MentionAnnouncer,
  ) {}

  changeStatus(mentionId: string, to: SettableStatus, user: AuthUser): Promise<MentionView> {
    return this.inLockedMention(mentionId, async (mention, tx) => {
      const decision = decideStatusChange(mention, user, to);
      switch (decision.kind) {
        case 'forbidden':
          throw new ForbiddenException(decision.reason);
        case 'held':
          throw holderConflict(decision.holder);
        case 'unchanged':
          return false;
        case 'change':
          await this.workflow.setStatus(mentionId, to, tx);
          await this.audit.record(
            {
              actorId: user.id,
              action: 'mention.status_changed',
              mentionId,
              details: { from: mention.status, to, ...(mention.holder && { releasedUserId: mention.holder.userId }) },
            },
            tx,
          );
          return true;
      }
    });
  }

  /** Replaces the tags; the DTO bounds count and length, and normalising can only shorten them. */
  setTags(mentionId: string, requested: string[], user: AuthUser): Promise<MentionView> {
    const tags = normaliseTags(requested);
    return this.inLockedMention(mentionId, async (mention, tx) => {
      if (tags.join('\u0000') === mention.tags.join('\u0000')) return false;
      const added = tags.filter((t) => !mention.tags.includes(t));
      const removed = mention.tags.filter((t) => !tags.includes(t));
      await this.workflow.setTags(mentionId, tags, tx);
      await this.audit.record(
        { actorId: user.id, action: 'mention.tags_changed', mentionId, details: { added, removed, tags } },
        tx,
      );
      return true;
    });
  }

  /** A manager hands the mention to someone: they get the claim with a fresh lease, whoever held it. */
  async assign(mentionId: string, userId: string, user: AuthUser): Promise<MentionView> {
    const assignee = await this.users.findById(userId);
    if (!assignee) throw new NotFoundException(`no user ${userId}`);
    if (!assignee.active) throw new ConflictException(`${assignee.name} is deactivated and cannot take mentions`);
    return this.inLockedMention(mentionId, async (mention, tx) => {
      if (mention.status !== 'new' && mention.status !== 'claimed') {
        throw new ConflictException(`this mention is ${mention.status}; set it back to new before assigning it`);
      }
      const expiresAt = await this.workflow.assign(mentionId, assignee.id, this.config.claims.leaseS, tx);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'mention.reassigned',
          mentionId,
          subject: assignee.id,
          details: { fromUserId: mention.holder?.userId ?? null, toUserId: assignee.id, expiresAt },
        },
        tx,
      );
      return true;
    });
  }

  /**
   * Runs `change` on the locked row and returns the mention as it now is. Screens hear of it only
   * after the commit, and only when `change` reports that something changed.
   */
  private async inLockedMention(
    mentionId: string,
    change: (mention: LockedMention, tx: EntityManager) => Promise<boolean>,
  ): Promise<MentionView> {
    const changed = await this.dataSource.transaction(async (tx) => {
      const mention = await this.workflow.lock(mentionId, tx);
      if (!mention) throw new NotFoundException(`no mention ${mentionId}`);
      return change(mention, tx);
    });
    const view = changed ? await this.announcer.announce(mentionId) : await this.mentions.getById(mentionId);
    if (!view) throw new NotFoundException(`no mention ${mentionId}`);
    return view;
  }
}
