export { MentionEntity } from './entities/mention.entity';
export { SourceEntity, type SourceCursor, type RateLimitState } from './entities/source.entity';
export { createDataSource, dataSourceOptions, runMigrations, ENTITIES } from './data-source';
export {
  MentionRepository,
  type ScoredMention,
  type UpsertedMention,
  type MentionListQuery,
} from './repositories/mention.repository';
export { SourceRepository, type PollRecord, type NewSource, type SourcePatch } from './repositories/source.repository';
export { CredentialCipher, CredentialKeyMissingError } from './crypto/credential-cipher';
export { toSourceView } from './repositories/source-view.mapper';
export { UserEntity } from './entities/user.entity';
export { UserRepository, RefreshTokenRepository, toUserView } from './repositories/user.repository';
export { ClaimRepository, type ClaimHolder, type ClaimResult } from './repositories/claim.repository';
