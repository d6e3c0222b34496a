import { Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { IncidentView } from '@lp/domain';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { ManualEscalationService } from './manual-escalation.service';

@ApiTags('incidents')
@Controller('mentions/:id')
export class MentionEscalationController {
  constructor(private readonly escalation: ManualEscalationService) {}

  @Post('escalate')
  @ApiOperation({
    summary: 'Opens an incident for this mention (201), or answers with the open one (200); pages on-call',
  })
  async escalate(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentView> {
    const { incident, created } = await this.escalation.escalate(id, user);
    res.status(created ? 201 : 200);
    return incident;
  }
}
