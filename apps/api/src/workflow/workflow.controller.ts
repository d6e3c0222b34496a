import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MentionNoteView, MentionView } from '@lp/domain';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { NotesService } from './notes.service';
import { AddNoteDto, AssignDto, ChangeStatusDto, SetTagsDto } from './workflow.dto';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@Controller('mentions/:id')
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly notes: NotesService,
  ) {}

  @Patch('status')
  @ApiOperation({
    summary: 'Resolve, ignore or reopen; ends any claim. 409 if someone else holds it (managers may anyway)',
  })
  changeStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeStatusDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MentionView> {
    return this.workflow.changeStatus(id, dto.status, user);
  }

  @Put('tags')
  @ApiOperation({ summary: 'Replaces the tags (normalised to lower case)' })
  setTags(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetTagsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MentionView> {
    return this.workflow.setTags(id, dto.tags, user);
  }

  @Post('assign')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'Gives the claim, with a fresh lease, to another user' })
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MentionView> {
    return this.workflow.assign(id, dto.userId, user);
  }

  @Post('notes')
  @ApiOperation({ summary: 'Adds an internal note (never posted to the platform)' })
  addNote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddNoteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MentionNoteView> {
    return this.notes.add(id, dto.body, user);
  }

  @Get('notes')
  @ApiOperation({ summary: 'The internal notes, oldest first' })
  listNotes(@Param('id', ParseUUIDPipe) id: string): Promise<{ items: MentionNoteView[] }> {
    return this.notes.list(id);
  }
}
