import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChannelView } from '@lp/domain';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { ChannelDto, UpdateChannelDto } from './channel.dto';
import { ChannelsService } from './channels.service';

/** Read by every signed-in user (the on-call screen shows them); edited by managers and admins. */
@ApiTags('escalation')
@Controller('escalation/channels')
export class ChannelsController {
  constructor(private readonly service: ChannelsService) {}

  @Get()
  @ApiOperation({ summary: 'Notification channels (secrets only as hasSecret)' })
  list(): Promise<ChannelView[]> {
    return this.service.list();
  }

  @Post()
  @Roles('manager')
  @ApiOperation({ summary: 'Adds a channel: webhook, slack, pagerduty or email' })
  create(@Body() dto: ChannelDto, @CurrentUser() user: AuthUser): Promise<ChannelView> {
    return this.service.create(dto, user);
  }

  @Patch(':id')
  @Roles('manager')
  @ApiOperation({ summary: 'Changes name, enabled or config; an omitted secret is kept, a new one replaces it' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateChannelDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ChannelView> {
    return this.service.update(id, dto, user);
  }

  @Delete(':id')
  @Roles('manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a channel' })
  delete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.service.delete(id, user);
  }
}
