import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SlaSettingsView, SlaSummary } from '@lp/domain';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { UpdateSlaSettingsDto } from './sla-settings.dto';
import { SlaSettingsService } from './sla-settings.service';
import { SlaSummaryQuery } from './sla-summary.query';
import { SlaSummaryService } from './sla-summary.service';

@ApiTags('sla')
@Controller()
export class SlaController {
  constructor(
    private readonly settings: SlaSettingsService,
    private readonly summaries: SlaSummaryService,
  ) {}

  @Get('settings/sla')
  @ApiOperation({ summary: 'First-response targets per urgency level (seconds)' })
  getSettings(): Promise<SlaSettingsView> {
    return this.settings.get();
  }

  @Put('settings/sla')
  @Roles('manager')
  @ApiOperation({ summary: 'Sets the targets; mentions still waiting get new deadlines' })
  putSettings(@Body() dto: UpdateSlaSettingsDto, @CurrentUser() user: AuthUser): Promise<SlaSettingsView> {
    return this.settings.update(dto.firstResponseTargetsS, user);
  }

  @Get('sla/summary')
  @ApiOperation({ summary: 'Open and breaching mentions, the oldest waiting, and breaches per level in a range' })
  summary(@Query() query: SlaSummaryQuery): Promise<SlaSummary> {
    return this.summaries.summary(query);
  }
}
