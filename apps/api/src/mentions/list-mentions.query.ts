import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import {
  MENTION_STATUSES,
  PLATFORMS,
  URGENCY_LEVELS,
  type MentionStatus,
  type Platform,
  type UrgencyLevel,
} from '@lp/domain';
import { LimitQuery } from '../limit.query';
import { LangFilter } from './lang-filter';

export class ListMentionsQuery extends LimitQuery {
  @ApiPropertyOptional({
    description: 'Catch-up after a reconnect: mentions with a higher sequence number, oldest first.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @ApiPropertyOptional({ description: 'Paging back in time: mentions with a lower sequence number, newest first.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeSeq?: number;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ enum: MENTION_STATUSES })
  @IsOptional()
  @IsIn(MENTION_STATUSES)
  status?: MentionStatus;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS })
  @IsOptional()
  @IsIn(URGENCY_LEVELS)
  urgencyLevel?: UrgencyLevel;

  @ApiPropertyOptional({ example: 'outage' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  topic?: string;

  @LangFilter()
  lang?: string[];

  @ApiPropertyOptional({ description: 'Claimed by this user.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  claimedBy?: string;

  @ApiPropertyOptional({ description: "The author's id on the platform: their history with us." })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  authorExternalId?: string;

  @ApiPropertyOptional({ description: 'Posted at or after (ISO 8601).', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ description: 'Posted before (ISO 8601).', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;

  @ApiPropertyOptional({ description: 'Words that must all appear in the text.', example: 'router down' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
