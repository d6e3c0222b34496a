import { Module } from '@nestjs/common';
import { DigestRepository } from '@lp/persistence';
import { DigestsController } from './digests.controller';
import { DigestsService } from './digests.service';
import { repositoryProvider } from '@lp/nest-core';

/** Shift handover digests. */
@Module({
  controllers: [DigestsController],
  providers: [DigestsService, repositoryProvider(DigestRepository)],
})
export class DigestsModule {}
