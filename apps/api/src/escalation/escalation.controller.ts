import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EscalationPolicyView, EscalationRuleView } from '@lp/domain';
import { Roles } from '../auth/auth.decorators';
import { PolicyDto, RuleDto } from './escalation.dto';
import { EscalationService } from './escalation.service';

/** Ladders and rules (channels: ChannelsController). Read by every signed-in user; edited by managers and admins. */
@ApiTags('escalation')
@Controller('escalation')
export class EscalationController {
  constructor(private readonly service: EscalationService) {}

  @Get('policies')
  @ApiOperation({ summary: 'Escalation ladders' })
  policies(): Promise<EscalationPolicyView[]> {
    return this.service.listPolicies();
  }

  @Post('policies')
  @Roles('manager')
  @ApiOperation({ summary: 'Adds a ladder' })
  createPolicy(@Body() dto: PolicyDto): Promise<EscalationPolicyView> {
    return this.service.savePolicy(null, dto);
  }

  @Put('policies/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Replaces a ladder (incidents already paging keep their place in it)' })
  updatePolicy(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PolicyDto): Promise<EscalationPolicyView> {
    return this.service.savePolicy(id, dto);
  }

  @Get('rules')
  @ApiOperation({ summary: 'Escalation rules' })
  rules(): Promise<EscalationRuleView[]> {
    return this.service.listRules();
  }

  @Post('rules')
  @Roles('manager')
  @ApiOperation({ summary: 'Adds a rule: a trigger and the ladder it starts' })
  createRule(@Body() dto: RuleDto): Promise<EscalationRuleView> {
    return this.service.saveRule(null, dto);
  }

  @Put('rules/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Replaces a rule' })
  updateRule(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RuleDto): Promise<EscalationRuleView> {
    return this.service.saveRule(id, dto);
  }

  @Delete('rules/:id')
  @Roles('manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a rule' })
  deleteRule(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.service.deleteRule(id);
  }
}
