import { BadRequestException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LanguageSeen, MentionView } from '@lp/domain';
import { MentionRepository } from '@lp/persistence';
import { ListMentionsQuery } from './list-mentions.query';

const LANGUAGES_WINDOW_MS = 30 * 86_400_000;

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

  /**
   * The languages of the last 30 days' mentions, busiest first: the options of the language filters
   * (screens name them, e.g. "Spanish (es)"). Declared before `:id`, which would take the word for an id.
   */
  @Get('languages')
  @ApiOperation({ summary: 'Languages of the mentions posted in the last 30 days, with counts, busiest first' })
  async languages(): Promise<{ since: string; items: LanguageSeen[] }> {
    const since = new Date(Date.now() - LANGUAGES_WINDOW_MS);
    return { since: since.toISOString(), items: await this.mentions.languagesSeen(since) };
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
