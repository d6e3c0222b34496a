import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { INCIDENT_STATUSES, type EarlyWarningSettings } from '@lp/domain';

export class ListIncidentsQuery {
  @ApiPropertyOptional({ enum: [...INCIDENT_STATUSES, 'unresolved'] })
  @IsOptional()
  @IsIn([...INCIDENT_STATUSES, 'unresolved'])
  status?: (typeof INCIDENT_STATUSES)[number] | 'unresolved';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AssignOwnerDto {
  @ApiPropertyOptional({ description: 'User id, or null to clear', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  ownerId!: string | null;
}

export class EarlyWarningSettingsDto implements EarlyWarningSettings {
  @ApiPropertyOptional()
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({ minimum: 5, maximum: 1440 })
  @IsInt()
  @Min(5)
  @Max(1440)
  baselineMinutes!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @IsNumber()
  @Min(1)
  @Max(50)
  zThreshold!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  minCount!: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 3600 })
  @IsInt()
  @Min(10)
  @Max(3_600)
  termWindowS!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  termMinCount!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @IsNumber()
  @Min(1)
  @Max(1_000)
  termRatio!: number;

  @ApiPropertyOptional({ minimum: 60, maximum: 86400 })
  @IsInt()
  @Min(60)
  @Max(86_400)
  groupWindowS!: number;
}
