import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import { SLUG_PATTERN, solutionUrl } from '@lp/domain';
import { APP_CONFIG } from '@lp/nest-core';
import { SolutionFeedbackRepository, SolutionRepository } from '@lp/persistence';
import { MAX_COMMENT_LENGTH, renderSolutionPage } from './solution-page';
import type { VisitorIdentity } from './visitor-identity';

export type FeedbackForm = { worked: boolean; comment: string | null } | { problem: string };

/** Reads the posted form: "worked" is yes or no, the comment optional and bounded. */
export function parseFeedbackForm(body: unknown): FeedbackForm {
  const form = (body ?? {}) as Record<string, unknown>;
  if (form.worked !== 'yes' && form.worked !== 'no') return { problem: 'Choose "It worked" or "It did not work".' };
  const comment = typeof form.comment === 'string' ? form.comment.replace(/\r\n/g, '\n').trim() : '';
  if ([...comment].length > MAX_COMMENT_LENGTH)
    return { problem: `A comment may have at most ${MAX_COMMENT_LENGTH} characters.` };
  return { worked: form.worked === 'yes', comment: comment === '' ? null : comment };
}

/** Public solution pages and their votes. */
@Injectable()
export class PublicSolutionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly solutions: SolutionRepository,
    private readonly feedback: SolutionFeedbackRepository,
  ) {}

  /** The page's HTML, or undefined for an unknown slug. */
  async page(slug: string, voted: boolean): Promise<string | undefined> {
    const solution = SLUG_PATTERN.test(slug) ? await this.solutions.getBySlug(slug) : undefined;
    if (!solution) return undefined;
    return renderSolutionPage({
      solution,
      comments: await this.feedback.comments(solution.id),
      canonicalUrl: solutionUrl(this.config.solutions.publicBaseUrl, solution.slug),
      voted,
    });
  }

  /** Counts the vote once per visitor; false for an unknown slug. */
  async vote(
    slug: string,
    visitor: VisitorIdentity,
    form: { worked: boolean; comment: string | null },
  ): Promise<boolean> {
    const solution = SLUG_PATTERN.test(slug) ? await this.solutions.getBySlug(slug) : undefined;
    if (!solution) return false;
    await this.feedback.vote({
      solutionId: solution.id,
      visitorHash: visitor.visitorHash,
      clientHash: visitor.clientHash,
      worked: form.worked,
      comment: form.comment,
    });
    return true;
  }
}
