import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TrendsRepository } from '@lp/persistence';
import { TrendsController } from './trends.controller';
import { TrendsService } from './trends.service';

/** The managers' trends: aggregates over time from the per-minute, hourly and daily counts kept at ingest. */
@Module({
  controllers: [TrendsController],
  providers: [
    TrendsService,
    { provide: TrendsRepository, inject: [DataSource], useFactory: (ds: DataSource) => new TrendsRepository(ds) },
  ],
})
export class TrendsModule {}
