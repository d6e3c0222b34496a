import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MentionView } from '@lp/domain';
import { MentionRepository } from '@lp/persistence';
import { ListMentionsQuery } from './list-mentions.query';

@ApiTags('mentions')
@Controller('mentions')
export class MentionsController {
  constructor(private readonly mentions: MentionRepository) {}

  @Get()
  @ApiOperation({ summary: 'Mentions, newest first, with filters; or everything after a sequence number (catch-up)' })
  async list(@Query() query: ListMentionsQuery): Promise<{ items: MentionView[] }> {
    if (query.afterSeq !== undefined && query.beforeSeq !== undefined) {
      throw new BadRequestException({ field: 'afterSeq', message: 'give afterSeq or beforeSeq, not both' });
    }
    const items = await this.mentions.list(query);
    return { items };
  }
}
