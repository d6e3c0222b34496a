import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ESCALATION_TARGETS,
  ESCALATION_TRIGGER_KINDS,
  URGENCY_LEVELS,
  type EscalationTarget,
  type UrgencyLevel,
} from '@lp/domain';

class StepDto {
  @ApiProperty({ enum: ESCALATION_TARGETS })
  @IsIn(ESCALATION_TARGETS)
  target!: EscalationTarget;

  @ApiProperty({ minimum: 0, maximum: 86400, description: 'Seconds after the previous step' })
  @IsInt()
  @Min(0)
  @Max(86_400)
  delayS!: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  channelIds!: string[];
}

export class PolicyDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  rotationId!: string | null;

  @ApiProperty({ type: [StepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => StepDto)
  steps!: StepDto[];
}

class TriggerDto {
  @ApiProperty({ enum: ESCALATION_TRIGGER_KINDS })
  @IsIn(ESCALATION_TRIGGER_KINDS)
  kind!: (typeof ESCALATION_TRIGGER_KINDS)[number];

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, description: 'urgency: this level or above' })
  @ValidateIf((o: TriggerDto) => o.kind === 'urgency')
  @IsIn(URGENCY_LEVELS)
  level?: UrgencyLevel;

  @ApiPropertyOptional({ description: 'vip: authors with at least this many followers' })
  @ValidateIf((o: TriggerDto) => o.kind === 'vip')
  @IsInt()
  @Min(0)
  minFollowers?: number;

  @ApiPropertyOptional({ type: [String], description: 'keyword: any of these (case-insensitive)' })
  @ValidateIf((o: TriggerDto) => o.kind === 'keyword')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(100, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ description: 'volume: mentions in a minute' })
  @ValidateIf((o: TriggerDto) => o.kind === 'volume')
  @IsInt()
  @Min(1)
  perMinute?: number;
}

export class RuleDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: TriggerDto })
  @ValidateNested()
  @Type(() => TriggerDto)
  trigger!: TriggerDto;

  @ApiProperty()
  @IsUUID()
  policyId!: string;
}

export class RotationDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: [String], description: 'Take turns as primary, one shift each' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  primaryUserIds!: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  secondaryUserIds!: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  managerUserId!: string | null;

  @ApiProperty({ minimum: 3600, maximum: 2419200, description: 'Shift length in seconds' })
  @IsInt()
  @Min(3_600)
  @Max(28 * 86_400)
  shiftS!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the first shift starts' })
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;
}
