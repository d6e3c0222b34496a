import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WallLayoutRepository } from '@lp/persistence';
import { WallLayoutsController } from './wall-layouts.controller';
import { WallLayoutsService } from './wall-layouts.service';

/** Wall screens' layouts, saved as versioned data. AuditRepository comes from the global AuditModule. */
@Module({
  controllers: [WallLayoutsController],
  providers: [
    WallLayoutsService,
    {
      provide: WallLayoutRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new WallLayoutRepository(ds),
    },
  ],
})
export class WallModule {}
