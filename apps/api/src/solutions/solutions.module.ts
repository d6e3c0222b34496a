import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

const repository = <T>(Repo: new (ds: DataSource) => T) => ({
  provide: Repo,
  inject: [DataSource],
  useFactory: (ds: DataSource) => new Repo(ds),
});

/** Solutions for agents and managers under /api, and their public pages under /s. */
@Module({
  controllers: [SolutionsController, PublicSolutionController],
  providers: [
    SolutionsService,
    SolutionStatsService,
    PublicSolutionService,
    repository(SolutionRepository),
    repository(SolutionFeedbackRepository),
    repository(SolutionStatsRepository),
    repository(MentionRepository),
    repository(ReplyRepository),
  ],
})
export class SolutionsModule {}
