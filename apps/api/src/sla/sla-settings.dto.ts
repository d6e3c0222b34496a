import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { SLA_TARGET_MAX_S, SLA_TARGET_MIN_S, type SlaTargets } from '@lp/domain';

const seconds = { minimum: SLA_TARGET_MIN_S, maximum: SLA_TARGET_MAX_S, type: Number };

class SlaTargetsDto implements SlaTargets {
  @ApiProperty({ ...seconds, example: 900 })
  @IsInt()
  @Min(SLA_TARGET_MIN_S)
  @Max(SLA_TARGET_MAX_S)
  critical!: number;

  @ApiProperty({ ...seconds, example: 3600 })
  @IsInt()
  @Min(SLA_TARGET_MIN_S)
  @Max(SLA_TARGET_MAX_S)
  high!: number;

  @ApiProperty({ ...seconds, example: 14400 })
  @IsInt()
  @Min(SLA_TARGET_MIN_S)
  @Max(SLA_TARGET_MAX_S)
  normal!: number;

  @ApiProperty({ ...seconds, example: 86400 })
  @IsInt()
  @Min(SLA_TARGET_MIN_S)
  @Max(SLA_TARGET_MAX_S)
  low!: number;
}

export class UpdateSlaSettingsDto {
  @ApiProperty({ type: SlaTargetsDto, description: 'First-response target per urgency level, in seconds.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  firstResponseTargetsS!: SlaTargetsDto;
}
