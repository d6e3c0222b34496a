import { BadRequestException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
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

  /** One mention whatever its status: what a shared link (`/console?mention=<id>`) opens. */
  @Get(':id')
  @ApiOperation({ summary: 'One mention by id, whatever its status' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<MentionView> {
    const mention = await this.mentions.getById(id);
    if (!mention) throw new NotFoundException(`mention ${id} not found`);
    return mention;
  }
}
