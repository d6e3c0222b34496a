import { randomBytes } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import {
  makeSlug,
  markdownToPlain,
  MIN_SUGGESTION_SCORE,
  scoreSolution,
  shortAnswer,
  solutionUrl,
  type SolutionSuggestion,
  type SolutionVersionView,
  type SolutionView,
} from '@lp/domain';
import { EventPublisher, replyUpdatedEvent } from '@lp/events';
import { APP_CONFIG } from '@lp/nest-core';
import { MentionRepository, ReplyRepository, SolutionRepository, type NewSolution } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import type { CreateSolutionDto, SolutionFromReplyDto, UpdateSolutionDto } from './solution.dto';

/** Slug suffixes are random; a collision is one in 16 million per title, so two tries are plenty. */
const SLUG_TRIES = 3;

/** Writing solutions, and finding the right one for a mention. */
@Injectable()
export class SolutionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly solutions: SolutionRepository,
    private readonly mentions: MentionRepository,
    private readonly replies: ReplyRepository,
    private readonly events: EventPublisher,
  ) {}

  create(dto: CreateSolutionDto, user: AuthUser): Promise<SolutionView> {
    return this.insert({
      title: dto.title.trim(),
      problem: dto.problem.trim(),
      fix: dto.fix.trim(),
      product: dto.product?.trim() || null,
      topic: dto.topic?.trim() || null,
      language: dto.language ?? 'en',
      team: dto.team?.trim() || null,
      createdBy: user.id,
      sourceReplyId: null,
    });
  }

  /** "Save as solution": the answer an agent already gave, kept. The reply must have been posted. */
  async createFromReply(replyId: string, dto: SolutionFromReplyDto, user: AuthUser): Promise<SolutionView> {
    const stored = await this.replies.get(replyId);
    if (!stored) throw new NotFoundException(`no reply ${replyId}`);
    if (stored.view.status !== 'sent') {
      throw new ConflictException(`this reply is ${stored.view.status.replace('_', ' ')}; save it once it is sent`);
    }
    const existing = await this.solutions.bySourceReply(replyId);
    if (existing) throw new ConflictException(`this reply is already the solution "${existing.slug}"`);
    const mention = await this.mentions.getById(stored.view.mentionId);
    if (!mention) throw new NotFoundException(`no mention ${stored.view.mentionId}`);
    const created = await this.insert({
      title: dto.title.trim(),
      problem: dto.problem?.trim() || mention.text,
      fix: dto.fix?.trim() || stored.view.text,
      product: dto.product?.trim() || null,
      topic: dto.topic?.trim() || mention.topic,
      language: mention.lang,
      team: dto.team?.trim() || null,
      createdBy: user.id,
      sourceReplyId: replyId,
    });
    // Every open console shows the reply's link instead of its "Save as solution" button.
    const saved = await this.replies.get(replyId);
    if (saved) await this.events.publish([replyUpdatedEvent(saved.view)]);
    return created;
  }

  async update(id: string, dto: UpdateSolutionDto, user: AuthUser): Promise<SolutionView> {
    const updated = await this.solutions.update(id, dto, user.id);
    if (!updated) throw new NotFoundException(`no solution ${id}`);
    return updated;
  }

  async get(id: string): Promise<SolutionView> {
    const found = await this.solutions.get(id);
    if (!found) throw new NotFoundException(`no solution ${id}`);
    return found;
  }

  async versions(id: string): Promise<SolutionVersionView[]> {
    await this.get(id);
    return this.solutions.versions(id);
  }

  /** The best solutions for a mention, best first, each with the answer to insert for its platform. */
  async suggest(mentionId: string, limit: number): Promise<SolutionSuggestion[]> {
    const mention = await this.mentions.getById(mentionId);
    if (!mention) throw new NotFoundException(`no mention ${mentionId}`);
    // Handles, tags and links address people; they say nothing about the problem.
    const text = mention.text.replace(/https?:\/\/\S+|[@#]\w+/g, ' ');
    const candidates = await this.solutions.candidates({ text, topic: mention.topic });
    return candidates
      .map(({ solution, match }) => ({ solution, ...scoreSolution(match) }))
      .filter((c) => c.score >= MIN_SUGGESTION_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ solution, score, reasons }) => {
        const url = solutionUrl(this.config.solutions.publicBaseUrl, solution.slug);
        return {
          solution,
          score,
          reasons,
          url,
          shortAnswer: shortAnswer(mention.platform, {
            title: solution.title,
            fixPlain: markdownToPlain(solution.fix),
            url,
          }),
        };
      });
  }

  private async insert(input: Omit<NewSolution, 'slug'>): Promise<SolutionView> {
    for (let i = 0; i < SLUG_TRIES; i++) {
      const created = await this.solutions.create({
        ...input,
        slug: makeSlug(input.title, randomBytes(3).toString('hex')),
      });
      if (created) return created;
      if (input.sourceReplyId && (await this.solutions.bySourceReply(input.sourceReplyId))) {
        throw new ConflictException('this reply was saved as a solution a moment ago');
      }
    }
    throw new ConflictException('could not find a free slug; try again');
  }
}
