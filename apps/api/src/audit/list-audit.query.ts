import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '@lp/domain';
import { LimitQuery } from '../limit.query';

export class ListAuditQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'Paging back: entries older than this id (the last page’s nextBeforeId).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeId?: number;

  @ApiPropertyOptional({ description: 'Who acted (a user id).', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  mentionId?: string;

  @ApiPropertyOptional({ description: 'At or after (ISO 8601).', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ description: 'Before (ISO 8601).', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;
}
