import { Module } from '@nestjs/common';
import { MentionRepository, MentionWorkflowRepository, NotesRepository } from '@lp/persistence';
import { MentionAnnouncerModule } from './mention-announcer.module';
import { NotesService } from './notes.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';
import { repositoryProvider } from '@lp/nest-core';

/** A mention's life after ingest: status, tags, reassignment and internal notes. */
@Module({
  imports: [MentionAnnouncerModule],
  controllers: [WorkflowController],
  providers: [
    WorkflowService,
    NotesService,
    { provide: MentionWorkflowRepository, useValue: new MentionWorkflowRepository() },
    repositoryProvider(NotesRepository),
    repositoryProvider(MentionRepository),
  ],
})
export class WorkflowModule {}
