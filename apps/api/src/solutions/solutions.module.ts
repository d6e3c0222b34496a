import { Module } from '@nestjs/common';
import {
  MentionRepository,
  ReplyRepository,
  SolutionFeedbackRepository,
  SolutionRepository,
  SolutionStatsRepository,
} from '@lp/persistence';
import { PublicSolutionController } from '../public-pages/public-solution.controller';
import { PublicSolutionService } from '../public-pages/public-solution.service';
import { SolutionStatsService } from './solution-stats.service';
import { SolutionsController } from './solutions.controller';
import { SolutionsService } from './solutions.service';
import { repositoryProvider } from '@lp/nest-core';

/** Solutions for agents and managers under /api, and their public pages under /s. */
@Module({
  controllers: [SolutionsController, PublicSolutionController],
  providers: [
    SolutionsService,
    SolutionStatsService,
    PublicSolutionService,
    repositoryProvider(SolutionRepository),
    repositoryProvider(SolutionFeedbackRepository),
    repositoryProvider(SolutionStatsRepository),
    repositoryProvider(MentionRepository),
    repositoryProvider(ReplyRepository),
  ],
})
export class SolutionsModule {}
