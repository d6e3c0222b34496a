export { MentionEntity } from './entities/mention.entity';
export { SourceEntity, type SourceCursor, type RateLimitState } from './entities/source.entity';
export { createDataSource, dataSourceOptions, runMigrations, ENTITIES } from './data-source';
export {
  MentionRepository,
  type ScoredMention,
  type UpsertedMention,
  type MentionListQuery,
} from './repositories/mention.repository';
export { SourceRepository, type PollOutcome } from './repositories/source.repository';
