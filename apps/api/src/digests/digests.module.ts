import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DigestRepository } from '@lp/persistence';
import { DigestsController } from './digests.controller';
import { DigestsService } from './digests.service';

/** Shift handover digests. */
@Module({
  controllers: [DigestsController],
  providers: [
    DigestsService,
    { provide: DigestRepository, inject: [DataSource], useFactory: (ds: DataSource) => new DigestRepository(ds) },
  ],
})
export class DigestsModule {}
