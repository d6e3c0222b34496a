import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TrendName, TrendResponse, TrendRows } from '@lp/domain';
import { Roles } from '../auth/auth.decorators';
import { csvFilename, toCsv } from './csv';
import { TREND_COLUMNS } from './trend-columns';
import { resolveRange } from './trend-range';
import { TrendsQuery } from './trends.query';
import { TrendsService } from './trends.service';
import { validationError } from '../validation.pipe';

type Answer<N extends TrendName> = Promise<TrendResponse<TrendRows[N]> | string>;

/** Aggregates for managers. Every route takes from, to, bucket, lang (a filter) and format=csv for a download. */
@ApiTags('trends')
@ApiProduces('application/json', 'text/csv')
@Roles('manager')
@Controller('trends')
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Get('sentiment')
  @ApiOperation({ summary: 'Mentions per bucket by sentiment' })
  sentiment(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'sentiment'> {
    return this.answer('sentiment', q, res);
  }

  @Get('negative-share')
  @ApiOperation({ summary: 'Share of negative mentions per bucket' })
  negativeShare(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'negative-share'> {
    return this.answer('negative-share', q, res);
  }

  @Get('platforms')
  @ApiOperation({ summary: 'Mentions per bucket by platform' })
  platforms(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'platforms'> {
    return this.answer('platforms', q, res);
  }

  @Get('topics')
  @ApiOperation({ summary: 'Mentions per topic over the range, busiest first' })
  topics(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'topics'> {
    return this.answer('topics', q, res);
  }

  @Get('rising-terms')
  @ApiOperation({ summary: 'Terms that rose most against the previous range of equal length' })
  risingTerms(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'rising-terms'> {
    return this.answer('rising-terms', q, res);
  }

  @Get('response-times')
  @ApiOperation({ summary: 'First-response time median and 90th percentile (seconds), by when the answer went out' })
  responseTimes(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'response-times'> {
    return this.answer('response-times', q, res);
  }

  @Get('sla-breaches')
  @ApiOperation({ summary: 'First-response SLA breaches per bucket by urgency level' })
  slaBreaches(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'sla-breaches'> {
    return this.answer('sla-breaches', q, res);
  }

  @Get('agents')
  @ApiOperation({ summary: 'Claims, replies sent, approvals, status changes and notes per person' })
  agents(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'agents'> {
    return this.answer('agents', q, res);
  }

  @Get('replies')
  @ApiOperation({ summary: 'Replies per bucket by outcome: sent, failed, rejected, pending' })
  replies(@Query() q: TrendsQuery, @Res({ passthrough: true }) res: Response): Answer<'replies'> {
    return this.answer('replies', q, res);
  }

  private async answer<N extends TrendName>(name: N, query: TrendsQuery, res: Response): Answer<N> {
    const range = resolveRange(query, new Date());
    if ('errors' in range) {
      throw validationError(range.errors);
    }
    const body = await this.trends.get(name, range, { lang: query.lang });
    if (query.format !== 'csv') return body;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${csvFilename(name, body.from, body.to)}"`);
    return toCsv(TREND_COLUMNS[name], body.items);
  }
}
