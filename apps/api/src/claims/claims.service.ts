import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lp/config';
import { isSupervisor, type MentionClaim } from '@lp/domain';
import { APP_CONFIG } from '@lp/nest-core';
import { AuditRepository, ClaimRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { holderConflict } from '../workflow/holder-conflict';
import { MentionAnnouncer } from '../workflow/mention-announcer';

@Injectable()
export class ClaimsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: ClaimRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly announcer: MentionAnnouncer,
  ) {}

  /** Exactly one of many simultaneous claims wins; the others learn who holds it (409). Claiming again renews the lease. */
  async claim(mentionId: string, user: AuthUser): Promise<MentionClaim> {
    // The audit entry commits with the claim; a renewal only moves the lease and is not recorded.
    const result = await this.dataSource.transaction(async (tx) => {
      const outcome = await this.claims.claim(mentionId, user.id, this.config.claims.leaseS, tx);
      if (outcome.outcome === 'claimed' && !outcome.renewed) {
        await this.audit.record(
          { actorId: user.id, action: 'mention.claimed', mentionId, details: { expiresAt: outcome.expiresAt } },
          tx,
        );
      }
      return outcome;
    });
    switch (result.outcome) {
      case 'missing':
        throw new NotFoundException(`no mention ${mentionId}`);
      case 'held':
        throw holderConflict(result.holder);
      case 'closed':
        throw new ConflictException(`this mention is ${result.status}; set it back to new to work on it`);
      case 'claimed': {
        const view = await this.announcer.announce(mentionId);
        return view?.claim ?? { userId: user.id, name: '', expiresAt: result.expiresAt };
      }
    }
  }

  async release(mentionId: string, user: AuthUser): Promise<void> {
    const { outcome } = await this.dataSource.transaction(async (tx) => {
      const result = await this.claims.release(mentionId, isSupervisor(user.role) ? null : user.id, tx);
      if (result.outcome === 'released') {
        await this.audit.record(
          {
            actorId: user.id,
            action: 'mention.released',
            mentionId,
            details: { releasedUserId: result.releasedUserId },
          },
          tx,
        );
      }
      return result;
    });
    if (outcome === 'missing') throw new NotFoundException(`no mention ${mentionId}`);
    if (outcome === 'not-holder') {
      const holder = await this.claims.holderOf(mentionId);
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: holder
          ? `${holder.name} holds this mention; only they or a manager can release it`
          : 'this mention is not claimed',
        holder: holder ?? null,
      });
    }
    await this.announcer.announce(mentionId);
  }
}
