import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import type { MentionClaim } from '@lp/domain';
import { EventPublisher } from '@lp/events';
import { APP_CONFIG } from '@lp/nest-core';
import { ClaimRepository, MentionRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';

/** Roles that may take a mention from whoever holds it. */
const SUPERVISORS = new Set(['manager', 'admin']);

@Injectable()
export class ClaimsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: ClaimRepository,
    private readonly mentions: MentionRepository,
    private readonly events: EventPublisher,
  ) {}

  /** Exactly one of many simultaneous claims wins; the others learn who holds it (409). Claiming again renews the lease. */
  async claim(mentionId: string, user: AuthUser): Promise<MentionClaim> {
    const result = await this.claims.claim(mentionId, user.id, this.config.claims.leaseS);
    switch (result.outcome) {
      case 'missing':
        throw new NotFoundException(`no mention ${mentionId}`);
      case 'held':
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `${result.holder.name} is working on this mention`,
          holder: result.holder,
        });
      case 'claimed': {
        const view = await this.announce(mentionId);
        return view?.claim ?? { userId: user.id, name: '', expiresAt: result.expiresAt };
      }
    }
  }

  async release(mentionId: string, user: AuthUser): Promise<void> {
    const outcome = await this.claims.release(mentionId, SUPERVISORS.has(user.role) ? null : user.id);
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
    await this.announce(mentionId);
  }

  private async announce(mentionId: string) {
    const view = await this.mentions.getById(mentionId);
    if (view) {
      await this.events.publish([
        {
          type: 'mention.updated',
          id: `mention.updated:${view.id}:${Date.now()}`,
          at: new Date().toISOString(),
          payload: view,
        },
      ]);
    }
    return view;
  }
}
