import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClaimRepository, MentionRepository } from '@lp/persistence';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';

@Module({
  controllers: [ClaimsController],
  providers: [
    ClaimsService,
    { provide: ClaimRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ClaimRepository(ds) },
    { provide: MentionRepository, inject: [DataSource], useFactory: (ds: DataSource) => new MentionRepository(ds) },
  ],
})
export class ClaimsModule {}
