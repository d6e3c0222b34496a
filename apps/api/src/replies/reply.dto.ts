import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LimitQuery } from '../limit.query';
import { PLATFORMS, REPLY_STATUSES, type Platform, type ReplyStatus } from '@lp/domain';

/** The text as typed, or a canned response to fill in (or both: the text wins, the canned id is recorded). */
export class CreateReplyDto {
  @IsOptional()
  @IsString()
  @Length(1, 20_000)
  text?: string;

  @IsOptional()
  @IsUUID()
  cannedResponseId?: string;
}

export class PreviewReplyDto extends CreateReplyDto {}

export class RejectReplyDto {
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class RetryReplyDto {
  /** Required when the last attempt's outcome is unknown: the person looked and the reply is not on the platform. */
  @IsOptional()
  @IsIn([true])
  checkedNotPosted?: true;
}

export class ListRepliesQuery extends LimitQuery {
  @IsOptional()
  @IsIn(REPLY_STATUSES)
  status?: ReplyStatus;
}

export class CannedResponseDto {
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsString()
  @Length(1, 5_000)
  body!: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORMS, { each: true })
  platforms?: Platform[];
}

export class UpdateCannedResponseDto {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  body?: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORMS, { each: true })
  platforms?: Platform[];
}
