import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeliveryView, IncidentView } from '@lp/domain';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { IncidentActionsService, type IncidentDetail } from './incident-actions.service';
import { AssignOwnerDto, EarlyWarningSettingsDto, ListIncidentsQuery } from './incidents.dto';
import { EarlyWarningSettingsService, type EarlyWarningSettingsView } from './early-warning-settings.service';

@ApiTags('incidents')
@Controller()
export class IncidentsController {
  constructor(
    private readonly actions: IncidentActionsService,
    private readonly settings: EarlyWarningSettingsService,
  ) {}

  @Get('incidents')
  @ApiOperation({ summary: 'Incidents, newest first' })
  list(@Query() query: ListIncidentsQuery): Promise<IncidentView[]> {
    return this.actions.list(query.status, query.limit ?? 50);
  }

  @Get('incidents/deliveries')
  @ApiOperation({ summary: 'Recent pages on every channel, with status, attempts and last error' })
  deliveries(): Promise<DeliveryView[]> {
    return this.actions.recentDeliveries(100);
  }

  @Get('incidents/:id')
  @ApiOperation({ summary: 'One incident with its timeline, pages and mentions' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetail> {
    return this.actions.detail(id);
  }

  @Post('incidents/:id/acknowledge')
  @HttpCode(200)
  @Roles('oncall', 'manager')
  @ApiOperation({ summary: 'Acknowledges: the ladder stops paging' })
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<IncidentView> {
    return this.actions.acknowledge(id, user.id, 'app');
  }

  @Post('incidents/:id/resolve')
  @HttpCode(200)
  @Roles('oncall', 'manager')
  @ApiOperation({ summary: 'Resolves: the ladder stops and new signals open a fresh incident' })
  resolve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<IncidentView> {
    return this.actions.resolve(id, user.id, 'app');
  }

  @Put('incidents/:id/owner')
  @Roles('oncall', 'manager')
  @ApiOperation({ summary: 'Gives the incident to one owner (or none)' })
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignOwnerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<IncidentView> {
    return this.actions.assign(id, dto.ownerId, user.id);
  }

  @Get('settings/early-warning')
  @ApiOperation({ summary: 'Spike detector thresholds' })
  getSettings(): Promise<EarlyWarningSettingsView> {
    return this.settings.get();
  }

  @Put('settings/early-warning')
  @Roles('manager')
  @ApiOperation({ summary: 'Sets the spike detector thresholds (the worker applies them on its next tick)' })
  putSettings(@Body() dto: EarlyWarningSettingsDto, @CurrentUser() user: AuthUser): Promise<EarlyWarningSettingsView> {
    return this.settings.update(dto, user);
  }
}
