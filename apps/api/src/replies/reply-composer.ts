import { type BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { xReplyRefusal } from '@lp/connectors';
import { checkReplyText, renderReplyTemplate, type MentionView, type ReplyTextCheck } from '@lp/domain';
import { CannedResponseRepository, SourceRepository, UserRepository } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { fieldError } from '../validation.pipe';
import type { CreateReplyDto } from './reply.dto';

export interface ComposedReply {
  text: string;
  cannedResponseId: string | null;
  check: ReplyTextCheck;
  /** Why the platform would refuse this reply, before we try. */
  refusal: string | null;
}

/** Turns what the agent sent (text, or a canned response to fill) into the reply text, and says if the platform would take it. */
@Injectable()
export class ReplyComposer {
  constructor(
    private readonly canned: CannedResponseRepository,
    private readonly sources: SourceRepository,
    private readonly users: UserRepository,
  ) {}

  async compose(mention: MentionView, user: AuthUser, dto: CreateReplyDto): Promise<ComposedReply> {
    const cannedResponseId = dto.cannedResponseId ?? null;
    let text = dto.text;
    if (text === undefined) {
      if (!cannedResponseId) throw replyRefused('text', 'give the reply text or a cannedResponseId');
      const template = await this.canned.get(cannedResponseId);
      if (!template) throw new NotFoundException(`no canned response ${cannedResponseId}`);
      const agent = await this.users.findById(user.id);
      text = renderReplyTemplate(template.body, {
        customer: { name: mention.author.name, handle: mention.author.handle },
        agent: { name: agent?.name ?? '' },
        mention: { url: mention.url, platform: mention.platform },
      }).trim();
    }
    const check = checkReplyText(mention.platform, text);
    return { text, cannedResponseId, check, refusal: check.problem ?? (await this.platformRefusal(mention)) };
  }

  /** Rules of the platform beyond length: X only lets self-serve accounts answer posts that mention them. */
  private async platformRefusal(mention: MentionView): Promise<string | null> {
    if (mention.platform !== 'x' || !mention.sourceId) return null;
    const source = await this.sources.findById(mention.sourceId);
    return source ? xReplyRefusal(source.settings.accountHandle, mention.text) : null;
  }
}

/** A refused reply: the reason is also the summary, since the composer shows it as is. */
export function replyRefused(field: string, reason: string): BadRequestException {
  return fieldError(field, reason, reason);
}
