import { Module } from '@nestjs/common';
import { WallLayoutRepository } from '@lp/persistence';
import { repositoryProvider } from '@lp/nest-core';
import { WallLayoutsController } from './wall-layouts.controller';
import { WallLayoutsService } from './wall-layouts.service';

/**
 * Wall screens' layouts, saved as versioned data; a save is announced to every screen as a
 * `wall_layout.saved` event. AuditRepository comes from the global AuditModule.
 */
@Module({
  controllers: [WallLayoutsController],
  providers: [WallLayoutsService, repositoryProvider(WallLayoutRepository)],
})
export class WallModule {}
