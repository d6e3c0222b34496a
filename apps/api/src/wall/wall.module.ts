import { Module } from '@nestjs/common';
import { WallLayoutRepository } from '@lp/persistence';
import { WallLayoutsController } from './wall-layouts.controller';
import { WallLayoutsService } from './wall-layouts.service';
import { repositoryProvider } from '@lp/nest-core';

/** Wall screens' layouts, saved as versioned data. AuditRepository comes from the global AuditModule. */
@Module({
  controllers: [WallLayoutsController],
  providers: [WallLayoutsService, repositoryProvider(WallLayoutRepository)],
})
export class WallModule {}
