import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MentionRepository, MentionWorkflowRepository, NotesRepository } from '@lp/persistence';
import { MentionAnnouncerModule } from './mention-announcer.module';
import { NotesService } from './notes.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** A mention's life after ingest: status, tags, reassignment and internal notes. */
@Module({
  imports: [MentionAnnouncerModule],
  controllers: [WorkflowController],
  providers: [
    WorkflowService,
    NotesService,
    { provide: MentionWorkflowRepository, useValue: new MentionWorkflowRepository() },
    { provide: NotesRepository, inject: [DataSource], useFactory: (ds: DataSource) => new NotesRepository(ds) },
    { provide: MentionRepository, inject: [DataSource], useFactory: (ds: DataSource) => new MentionRepository(ds) },
  ],
})
export class WorkflowModule {}
