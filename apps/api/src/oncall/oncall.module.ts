import { Module } from '@nestjs/common';
import { repositoryProvider } from '@lp/nest-core';
import { EscalationConfigRepository, UserRepository } from '@lp/persistence';
import { OncallController } from './oncall.controller';
import { OncallService } from './oncall.service';

/** On-call rotations, edited in the app; the worker's ladder asks them who to page. */
@Module({
  controllers: [OncallController],
  providers: [OncallService, repositoryProvider(EscalationConfigRepository), repositoryProvider(UserRepository)],
})
export class OncallModule {}
