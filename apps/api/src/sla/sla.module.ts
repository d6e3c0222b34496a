import { Module } from '@nestjs/common';
import { SettingsRepository, SlaRepository } from '@lp/persistence';
import { SlaController } from './sla.controller';
import { SlaSettingsService } from './sla-settings.service';
import { SlaSummaryService } from './sla-summary.service';
import { repositoryProvider } from '@lp/nest-core';

/** First-response SLAs: the editable targets and the summary. The worker's sweeper marks breaches. */
@Module({
  controllers: [SlaController],
  providers: [
    SlaSettingsService,
    SlaSummaryService,
    repositoryProvider(SettingsRepository),
    repositoryProvider(SlaRepository),
  ],
})
export class SlaModule {}
