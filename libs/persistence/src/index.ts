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
export {
  ClaimRepository,
  type ClaimHolder,
  type ClaimResult,
  type ReleaseResult,
} from './repositories/claim.repository';
export { AuditRepository, type AuditEntryInput, type AuditListQuery } from './repositories/audit.repository';
export { SettingsRepository, type StoredSetting } from './repositories/settings.repository';
export { NotesRepository } from './repositories/notes.repository';
export { MentionWorkflowRepository, type LockedMention } from './repositories/mention-workflow.repository';
export { SlaRepository } from './repositories/sla.repository';
export { SLA_SETTINGS_KEY } from './repositories/sla-sql';
export { ReplyRepository, type StoredReply, type NewReply } from './repositories/reply.repository';
export { CannedResponseRepository, type CannedResponseInput } from './repositories/canned-response.repository';
export { WallLayoutRepository, type StoredWallLayout } from './repositories/wall-layout.repository';
export {
  TrendsRepository,
  type TrendRange,
  type TrendFilter,
  type BucketCount,
  type TopicTotals,
  type TermStratum,
  type TermSampleQuery,
  type ResponseTimeRow,
} from './repositories/trends.repository';
export { AGGREGATE_TABLES, COMPLAINT_MIN_PROBABILITY } from './repositories/mention-aggregates-sql';
export {
  IncidentRepository,
  type NewIncident,
  type IncidentListQuery,
  type KeyIncident,
} from './repositories/incident.repository';
export {
  EscalationConfigRepository,
  type StoredChannel,
  type ChannelInput,
  type ChannelPatch,
  type RotationInput,
} from './repositories/escalation-config.repository';
export { DeliveryRepository, type NewDelivery } from './repositories/delivery.repository';
export {
  SignalRepository,
  type MinuteVolume,
  type SignalMention,
  type KeyingMention,
  type KeyMinute,
  type KeyCountState,
} from './repositories/signal.repository';
export { DigestRepository } from './repositories/digest.repository';
export {
  SolutionRepository,
  recountSolution,
  toSolutionView,
  type NewSolution,
  type SolutionContent,
  type SolutionCandidate,
} from './repositories/solution.repository';
export {
  SolutionFeedbackRepository,
  type FeedbackVote,
  type PublicComment,
} from './repositories/solution-feedback.repository';
export {
  ReplyOutcomeRepository,
  type PendingFollowUp,
  type OutcomeInput,
} from './repositories/reply-outcome.repository';
export { SolutionStatsRepository } from './repositories/solution-stats.repository';
