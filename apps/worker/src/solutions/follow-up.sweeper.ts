import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '@lp/config';
import { classifyFollowUp, solutionSlugIn } from '@lp/domain';
import { APP_CONFIG } from '@lp/nest-core';
import { ReplyOutcomeRepository, type PendingFollowUp } from '@lp/persistence';

/**
 * Judges customers' answers to our sent replies ("thanks, works now" / "still broken") and credits
 * the solution the reply carried. It reads follow-ups from the database rather than hooking the
 * ingest path, so ingest stays one batch statement, a follow-up that lands before its reply is
 * marked sent is judged on a later sweep, and a crash loses nothing. Safe on several workers: the
 * verdict is unique per follow-up mention.
 */
@Injectable()
export class FollowUpSweeper {
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outcomes: ReplyOutcomeRepository,
    @InjectPinoLogger(FollowUpSweeper.name) private readonly logger: PinoLogger,
  ) {}

  @Interval(1_000)
  async sweep(): Promise<void> {
    // A slow sweep must not overlap the next tick and judge the same rows twice over.
    if (this.running) return;
    this.running = true;
    try {
      for (const followUp of await this.outcomes.pending()) await this.judge(followUp);
    } catch (error) {
      this.logger.error({ error: String(error) }, 'follow-up sweep failed');
    } finally {
      this.running = false;
    }
  }

  private async judge(followUp: PendingFollowUp): Promise<void> {
    const verdict = classifyFollowUp(followUp.text, { label: followUp.sentiment, score: followUp.sentimentScore });
    const slug = followUp.solutionId ? null : solutionSlugIn(followUp.replyText, this.config.solutions.publicBaseUrl);
    const solutionId = followUp.solutionId ?? (slug ? await this.outcomes.solutionIdBySlug(slug) : null);
    const recorded = await this.outcomes.record({
      replyId: followUp.replyId,
      followUpMentionId: followUp.mentionId,
      solutionId,
      outcome: verdict.outcome,
      score: verdict.score,
      reasons: verdict.reasons,
    });
    if (recorded) {
      this.logger.info(
        { replyId: followUp.replyId, mentionId: followUp.mentionId, outcome: verdict.outcome, solutionId },
        'follow-up judged',
      );
    }
  }
}
