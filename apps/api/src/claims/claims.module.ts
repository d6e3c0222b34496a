import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClaimRepository } from '@lp/persistence';
import { MentionAnnouncerModule } from '../workflow/mention-announcer.module';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';

@Module({
  imports: [MentionAnnouncerModule],
  controllers: [ClaimsController],
  providers: [
    ClaimsService,
    { provide: ClaimRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ClaimRepository(ds) },
  ],
})
export class ClaimsModule {}
