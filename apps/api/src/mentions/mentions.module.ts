import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MentionRepository } from '@lp/persistence';
import { MentionsController } from './mentions.controller';

@Module({
  controllers: [MentionsController],
  providers: [
    { provide: MentionRepository, inject: [DataSource], useFactory: (ds: DataSource) => new MentionRepository(ds) },
  ],
})
export class MentionsModule {}
