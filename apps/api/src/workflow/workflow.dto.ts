import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { MAX_TAG_LENGTH, MAX_TAGS } from '@lp/domain';
import { SETTABLE_STATUSES, type SettableStatus } from './status-rules';

export class ChangeStatusDto {
  @ApiProperty({ enum: SETTABLE_STATUSES })
  @IsIn(SETTABLE_STATUSES)
  status!: SettableStatus;
}

/** At least one letter or digit; otherwise letters, digits, spaces, "-", "_" and ".". */
const TAG_PATTERN = /^[\p{L}\p{N} _.-]*[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u;

export class SetTagsDto {
  @ApiProperty({
    type: [String],
    maxItems: MAX_TAGS,
    example: ['billing', 'router outage'],
    description: 'Replaces the tags. Stored lower-case, spaces as "-", repeats dropped.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  @Matches(TAG_PATTERN, {
    each: true,
    message: 'each tag needs a letter or digit, and may hold only letters, digits, spaces, "-", "_" and "."',
  })
  tags!: string[];
}

export class AssignDto {
  @ApiProperty({ format: 'uuid', description: 'Who gets the claim.' })
  @IsUUID()
  userId!: string;
}

export class AddNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}
