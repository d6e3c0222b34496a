import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MentionRepository } from '@lp/persistence';
import { MentionAnnouncer } from './mention-announcer';

/** Shared by every module that changes mentions (claims, workflow, replies). */
@Module({
  providers: [
    MentionAnnouncer,
    { provide: MentionRepository, inject: [DataSource], useFactory: (ds: DataSource) => new MentionRepository(ds) },
  ],
  exports: [MentionAnnouncer],
})
export class MentionAnnouncerModule {}
