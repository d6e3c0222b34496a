import { Module } from '@nestjs/common';
import { EscalationConfigRepository } from '@lp/persistence';
import { OncallController } from './oncall.controller';
import { OncallService } from './oncall.service';
import { repositoryProvider } from '@lp/nest-core';

/** On-call rotations, edited in the app; the worker's ladder asks them who to page. */
@Module({
  controllers: [OncallController],
  providers: [OncallService, repositoryProvider(EscalationConfigRepository)],
})
export class OncallModule {}
