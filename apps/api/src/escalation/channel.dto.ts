import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CHANNEL_KINDS, type ChannelKind } from '@lp/domain';

const CONFIG_DESCRIPTION =
  'webhook, slack: {url}; pagerduty: {url?} (Events API v2 endpoint); email: {host, port, secure?, from, user?, to?}';

export class ChannelDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS)
  kind!: ChannelKind;

  @ApiProperty({ description: CONFIG_DESCRIPTION })
  @IsObject()
  config!: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'PagerDuty routing key or SMTP password. Write-only: sealed at rest, never returned.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  secret?: string;
}

/** Left out means "keep"; null is not a name, a flag or a config, so it is checked and refused. */
const sent = (_: object, value: unknown) => value !== undefined;

/**
 * A change to a channel: only the fields sent change. The kind is fixed (its secret means
 * something else per kind), so a different kind is a new channel.
 */
export class UpdateChannelDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @ValidateIf(sent)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ description: 'Off: kept in its ladders but not paged' })
  @ValidateIf(sent)
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: `Replaces the whole config, checked as on create. ${CONFIG_DESCRIPTION}` })
  @ValidateIf(sent)
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'Omitted: the sealed secret is kept. A string replaces it (sealed again); null removes it (not for PagerDuty).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'secret must not be empty: leave it out to keep the stored one' })
  @MaxLength(500)
  secret?: string | null;
}
