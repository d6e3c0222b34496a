import { IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A solution written directly. The fix is Markdown; raw HTML in it is shown as text, never run. */
export class CreateSolutionDto {
  @IsString()
  @Length(3, 160)
  title!: string;

  @IsString()
  @Length(3, 5_000)
  problem!: string;

  @IsString()
  @Length(3, 20_000)
  fix!: string;

  @IsOptional()
  @IsString()
  @Length(1, 80)
  product?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  topic?: string;

  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be a BCP 47 tag such as "en" or "pt-BR"' })
  language?: string;

  @IsOptional()
  @IsString()
  @Length(1, 80)
  team?: string;
}

/** An edit: only what changes. Each edit makes a new version. */
export class UpdateSolutionDto extends PartialType(CreateSolutionDto) {}

/** Saving a sent reply as a solution: the title is required; the rest defaults to the mention and the reply. */
export class SolutionFromReplyDto extends IntersectionType(
  PickType(CreateSolutionDto, ['title'] as const),
  PartialType(OmitType(CreateSolutionDto, ['title', 'language'] as const)),
) {}

export class ListSolutionsQuery {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  topic?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class SuggestionsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  limit: number = 3;
}

export class StatsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = 30;
}
