import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SolutionStats, SolutionSuggestion, SolutionVersionView, SolutionView } from '@lp/domain';
import { SolutionRepository } from '@lp/persistence';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import {
  CreateSolutionDto,
  ListSolutionsQuery,
  SolutionFromReplyDto,
  StatsQuery,
  SuggestionsQuery,
  UpdateSolutionDto,
} from './solution.dto';
import { SolutionStatsService } from './solution-stats.service';
import { SolutionsService } from './solutions.service';

/** Who writes solutions: anyone who may send a reply without approval. */
const WRITERS = ['agent', 'manager', 'oncall'] as const;

@ApiTags('solutions')
@Controller()
export class SolutionsController {
  constructor(
    private readonly service: SolutionsService,
    private readonly stats: SolutionStatsService,
    private readonly solutions: SolutionRepository,
  ) {}

  @Post('solutions')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Write a solution; it gets a public page at /s/:slug' })
  create(@Body() dto: CreateSolutionDto, @CurrentUser() user: AuthUser): Promise<SolutionView> {
    return this.service.create(dto, user);
  }

  @Get('solutions')
  async list(@Query() query: ListSolutionsQuery): Promise<{ items: SolutionView[] }> {
    return { items: await this.solutions.list(query) };
  }

  // Declared before `solutions/:id`, which would otherwise take "stats" for an id.
  @Get('solutions/stats')
  @Roles('manager')
  @ApiOperation({ summary: 'Outcome rate of replies, most reused and failing solutions, problems without one' })
  statsSummary(@Query() query: StatsQuery): Promise<SolutionStats> {
    return this.stats.summary(query.days);
  }

  @Get('solutions/:id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SolutionView> {
    return this.service.get(id);
  }

  @Patch('solutions/:id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Edit a solution: a new version; the slug (public link) stays' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSolutionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SolutionView> {
    return this.service.update(id, dto, user);
  }

  @Get('solutions/:id/versions')
  async versions(@Param('id', ParseUUIDPipe) id: string): Promise<{ items: SolutionVersionView[] }> {
    return { items: await this.service.versions(id) };
  }

  @Post('replies/:id/solution')
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'Save a sent reply as a solution (problem and fix default to the mention and the reply)',
    description: "Once saved, the reply's `solution` ({ id, slug }) names it, and `reply.updated` is published.",
  })
  fromReply(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SolutionFromReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SolutionView> {
    return this.service.createFromReply(id, dto, user);
  }

  @Get('mentions/:id/solutions')
  @ApiOperation({ summary: 'Best-matching solutions for a mention, with a short answer to insert' })
  async suggest(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SuggestionsQuery,
  ): Promise<{ items: SolutionSuggestion[] }> {
    return { items: await this.service.suggest(id, query.limit) };
  }
}
