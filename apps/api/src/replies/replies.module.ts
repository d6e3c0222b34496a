import { Module } from '@nestjs/common';
import {
  AuditRepository,
  CannedResponseRepository,
  ClaimRepository,
  MentionRepository,
  ReplyRepository,
  SourceRepository,
  UserRepository,
} from '@lp/persistence';
import { CannedResponsesController } from './canned-responses.controller';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';
import { ReplyComposer } from './reply-composer';
import { repositoryProvider } from '@lp/nest-core';

@Module({
  controllers: [RepliesController, CannedResponsesController],
  providers: [
    RepliesService,
    ReplyComposer,
    repositoryProvider(ReplyRepository),
    repositoryProvider(CannedResponseRepository),
    repositoryProvider(MentionRepository),
    repositoryProvider(ClaimRepository),
    repositoryProvider(SourceRepository),
    repositoryProvider(UserRepository),
    repositoryProvider(AuditRepository),
  ],
})
export class RepliesModule {}
