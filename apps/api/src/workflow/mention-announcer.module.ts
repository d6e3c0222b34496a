import { Module } from '@nestjs/common';
import { MentionRepository } from '@lp/persistence';
import { MentionAnnouncer } from './mention-announcer';
import { repositoryProvider } from '@lp/nest-core';

/** Shared by every module that changes mentions (claims, workflow, replies). */
@Module({
  providers: [MentionAnnouncer, repositoryProvider(MentionRepository)],
  exports: [MentionAnnouncer],
})
export class MentionAnnouncerModule {}
