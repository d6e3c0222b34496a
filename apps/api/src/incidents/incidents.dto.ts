import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
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

/**
 * The detector's settings; the ones added later are optional, and a save without them keeps the stored
 * values. Anything else (the removed `termWindowS`, `termMinCount`, `termRatio`, `groupWindowS`) is a 400.
 */
export class EarlyWarningSettingsDto implements Partial<EarlyWarningSettings> {
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

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1440,
    description: 'Minutes of history a posted minute needs to be judged',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_440)
  minHistoryMinutes?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10080,
    description: 'Posted minutes older than this never open an incident',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  judgeBackMinutes?: number;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 100,
    description: "The brand's products, as customers name them (1-80 characters each)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  @Matches(/[\p{L}\p{N}]/u, { each: true, message: 'each product must contain a letter or a digit' })
  products?: string[];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 80,
    description: 'The brand: a brand-wide outage naming no product is keyed on it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  @Matches(/[\p{L}\p{N}]/u, { message: 'brand must contain a letter or a digit' })
  brand?: string;
}
