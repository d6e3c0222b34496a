import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EscalationConfigRepository } from '@lp/persistence';
import { OncallController } from './oncall.controller';
import { OncallService } from './oncall.service';

/** On-call rotations, edited in the app; the worker's ladder asks them who to page. */
@Module({
  controllers: [OncallController],
  providers: [
    OncallService,
    {
      provide: EscalationConfigRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new EscalationConfigRepository(ds),
    },
  ],
})
export class OncallModule {}
