import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OncallPerson, OncallRotationView, OnCallNow } from '@lp/domain';
import { Roles } from '../auth/auth.decorators';
import { RotationDto } from '../escalation/escalation.dto';
import { OncallService } from './oncall.service';

@ApiTags('oncall')
@Controller('oncall')
export class OncallController {
  constructor(private readonly service: OncallService) {}

  @Get('rotations')
  @ApiOperation({ summary: 'On-call rotations' })
  list(): Promise<OncallRotationView[]> {
    return this.service.list();
  }

  @Get('now')
  @ApiOperation({ summary: 'Who is primary, secondary and manager right now, per rotation' })
  now(): Promise<OnCallNow[]> {
    return this.service.now();
  }

  /** `GET /api/users` stays with admins (emails, deactivated accounts); rotation editors read only this. */
  @Get('people')
  @Roles('manager')
  @ApiOperation({ summary: 'Active users as id, name and role, for the rotation form (managers and admins)' })
  people(): Promise<OncallPerson[]> {
    return this.service.people();
  }

  @Post('rotations')
  @Roles('manager')
  @ApiOperation({ summary: 'Adds a rotation' })
  create(@Body() dto: RotationDto): Promise<OncallRotationView> {
    return this.service.save(null, dto);
  }

  @Put('rotations/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Replaces a rotation' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RotationDto): Promise<OncallRotationView> {
    return this.service.save(id, dto);
  }
}
