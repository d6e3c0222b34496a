import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { TREND_BUCKETS, type TrendBucket } from '@lp/domain';
import { LangFilter } from '../mentions/lang-filter';

export const TREND_FORMATS = ['json', 'csv'] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];

/** The query every trends endpoint takes. Cross-field rules (order, length, points) are in trend-range.ts. */
export class TrendsQuery {
  @ApiPropertyOptional({
    description: 'Start (ISO 8601), inclusive; default 24 hours before `to`.',
    type: String,
    format: 'date-time',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: 'End (ISO 8601), exclusive; default now.', type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({
    enum: TREND_BUCKETS,
    description: 'Default: minute up to 6 hours, hour up to 8 days, day beyond.',
  })
  @IsOptional()
  @IsIn(TREND_BUCKETS)
  bucket?: TrendBucket;

  @ApiPropertyOptional({ enum: TREND_FORMATS, default: 'json', description: '`csv` downloads the rows as a file.' })
  @IsOptional()
  @IsIn(TREND_FORMATS)
  format?: TrendFormat;

  /** Narrows every series to mentions in these languages (replies and agent work by their mention's). */
  @LangFilter()
  lang?: string[];
}
