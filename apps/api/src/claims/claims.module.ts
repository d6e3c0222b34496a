import { Module } from '@nestjs/common';
import { ClaimRepository } from '@lp/persistence';
import { MentionAnnouncerModule } from '../workflow/mention-announcer.module';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { repositoryProvider } from '@lp/nest-core';

@Module({
  imports: [MentionAnnouncerModule],
  controllers: [ClaimsController],
  providers: [ClaimsService, repositoryProvider(ClaimRepository)],
})
export class ClaimsModule {}
