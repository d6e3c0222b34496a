import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SettingsRepository, SlaRepository } from '@lp/persistence';
import { SlaController } from './sla.controller';
import { SlaSettingsService } from './sla-settings.service';
import { SlaSummaryService } from './sla-summary.service';

/** First-response SLAs: the editable targets and the summary. The worker's sweeper marks breaches. */
@Module({
  controllers: [SlaController],
  providers: [
    SlaSettingsService,
    SlaSummaryService,
    { provide: SettingsRepository, inject: [DataSource], useFactory: (ds: DataSource) => new SettingsRepository(ds) },
    { provide: SlaRepository, inject: [DataSource], useFactory: (ds: DataSource) => new SlaRepository(ds) },
  ],
})
export class SlaModule {}
