import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DigestView } from '@lp/domain';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { DigestsService } from './digests.service';

export class CreateDigestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 72, default: 8, description: 'Length of the shift summarised' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(72)
  hours?: number;
}

@ApiTags('digests')
@Controller('digests')
export class DigestsController {
  constructor(private readonly service: DigestsService) {}

  @Get()
  @ApiOperation({ summary: 'Shift handover digests, newest first' })
  list(): Promise<DigestView[]> {
    return this.service.list();
  }

  @Post()
  @Roles('oncall', 'manager')
  @ApiOperation({ summary: 'Makes a handover digest of the last shift now' })
  create(@Body() dto: CreateDigestDto, @CurrentUser() user: AuthUser): Promise<DigestView> {
    return this.service.create(dto.hours ?? 8, user);
  }
}
