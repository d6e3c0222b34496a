import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

const repository = <T>(Repo: new (ds: DataSource) => T) => ({
  provide: Repo,
  inject: [DataSource],
  useFactory: (ds: DataSource) => new Repo(ds),
});

@Module({
  controllers: [RepliesController, CannedResponsesController],
  providers: [
    RepliesService,
    ReplyComposer,
    repository(ReplyRepository),
    repository(CannedResponseRepository),
    repository(MentionRepository),
    repository(ClaimRepository),
    repository(SourceRepository),
    repository(UserRepository),
    repository(AuditRepository),
  ],
})
export class RepliesModule {}
