import { Module } from '@nestjs/common';
import { TrendsRepository } from '@lp/persistence';
import { TrendsController } from './trends.controller';
import { TrendsService } from './trends.service';
import { repositoryProvider } from '@lp/nest-core';

/** The managers' trends: aggregates over time from the per-minute, hourly and daily counts kept at ingest. */
@Module({
  controllers: [TrendsController],
  providers: [TrendsService, repositoryProvider(TrendsRepository)],
})
export class TrendsModule {}
