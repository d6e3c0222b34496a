import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

export class SlaSummaryQuery {
  @ApiPropertyOptional({
    description: 'Count breaches at or after (ISO 8601); default 24 hours before `until`.',
    type: String,
    format: 'date-time',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({
    description: 'Count breaches before (ISO 8601); default now.',
    type: String,
    format: 'date-time',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;
}
