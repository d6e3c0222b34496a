import { Module } from '@nestjs/common';
import { MentionRepository } from '@lp/persistence';
import { MentionsController } from './mentions.controller';
import { repositoryProvider } from '@lp/nest-core';

@Module({
  controllers: [MentionsController],
  providers: [repositoryProvider(MentionRepository)],
})
export class MentionsModule {}
