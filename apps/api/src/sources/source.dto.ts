import { OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { PLATFORMS, type Platform } from '@lp/domain';

const MIN_INTERVAL_MS = 1_000;
const MAX_INTERVAL_MS = 24 * 3_600_000;

export class CreateSourceDto {
  @IsIn(PLATFORMS)
  platform!: Platform;

  @IsString()
  @Length(1, 200)
  name!: string;

  /** Checked against the platform's own schema by SourcesService. */
  @IsObject()
  settings!: Record<string, unknown>;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @IsOptional()
  @IsInt()
  @Min(MIN_INTERVAL_MS)
  @Max(MAX_INTERVAL_MS)
  pollIntervalMs?: number;

  /** Write-only: sealed at rest and never returned; only the names are. */
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;
}

/** Any field of a source but its platform; `credentials: null` removes them all, an object replaces them all. */
export class UpdateSourceDto extends PartialType(OmitType(CreateSourceDto, ['platform', 'credentials'] as const)) {
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsObject()
  credentials?: Record<string, string> | null;
}
