import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReplyView } from '@lp/domain';
import { ReplyRepository } from '@lp/persistence';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { RepliesService } from './replies.service';
import type { ComposedReply } from './reply-composer';
import { CreateReplyDto, ListRepliesQuery, PreviewReplyDto, RejectReplyDto, RetryReplyDto } from './reply.dto';

/** Roles that may approve a volunteer's draft and retry a failed reply. */
const REVIEWERS = ['agent', 'manager', 'oncall'] as const;

@ApiTags('replies')
@Controller()
export class RepliesController {
  constructor(
    private readonly service: RepliesService,
    private readonly replies: ReplyRepository,
  ) {}

  @Post('mentions/:id/replies')
  @ApiOperation({ summary: 'Reply to a mention you hold. 201 for a new reply, 200 for a repeat of the same key.' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'New per reply; resend the same on retries' })
  async create(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateReplyDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReplyView> {
    const { reply, created } = await this.service.create(id, user, key, dto);
    res.status(created ? 201 : 200);
    return reply;
  }

  @Post('mentions/:id/replies/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'The reply as it would be posted, its length as the platform counts it, and any refusal' })
  preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ComposedReply> {
    return this.service.preview(id, user, dto);
  }

  @Get('mentions/:id/replies')
  async listForMention(@Param('id', ParseUUIDPipe) id: string): Promise<{ items: ReplyView[] }> {
    return { items: await this.service.listForMention(id) };
  }

  @Get('replies')
  @ApiOperation({ summary: 'Replies, newest first; `status=pending_approval` is the approval queue' })
  async list(@Query() query: ListRepliesQuery): Promise<{ items: ReplyView[] }> {
    return { items: await this.replies.list(query) };
  }

  @Post('replies/:id/approve')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  approve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ReplyView> {
    return this.service.approve(id, user);
  }

  @Post('replies/:id/reject')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RejectReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReplyView> {
    return this.service.reject(id, user, dto.reason);
  }

  @Post('replies/:id/retry')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  retry(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RetryReplyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReplyView> {
    return this.service.retry(id, user, dto.checkedNotPosted === true);
  }
}
