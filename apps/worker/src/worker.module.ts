import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@lp/config';
import { EventPublisher } from '@lp/events';
import { APP_CONFIG, CoreModule, QueuesModule, REDIS, repositoryProvider } from '@lp/nest-core';
import {
  AuditRepository,
  ClaimRepository,
  CredentialCipher,
  DeliveryRepository,
  DigestRepository,
  EscalationConfigRepository,
  IncidentRepository,
  MentionRepository,
  ReplyRepository,
  SettingsRepository,
  SignalRepository,
  SlaRepository,
  SourceRepository,
  ReplyOutcomeRepository,
} from '@lp/persistence';
import { ClaimLeaseSweeper } from './claims/claim-lease.sweeper';
import { SlaBreachSweeper } from './sla/sla-breach.sweeper';
import { TrainedScorer } from '@lp/scoring';
import { IngestProcessor } from './ingest/ingest.processor';
import { MentionBatchWriter } from './ingest/mention-batch-writer';
import { PollLock } from './polling/poll-lock';
import { FacebookConnector, FeedConnector, XConnector, YouTubeConnector } from '@lp/connectors';
import { ConnectorRegistry } from './polling/connector-registry';
import { SourcePoller } from './polling/source.poller';
import { ReplyQueueSweeper } from './replies/reply-queue.sweeper';
import { ReplySender } from './replies/reply.sender';
import { EarlyWarningSweeper } from './early-warning/early-warning.sweeper';
import { EscalationLadder } from './escalation/escalation-ladder';
import { EscalationProcessor } from './escalation/escalation.processor';
import { NotifyProcessor } from './escalation/notify.processor';
import { LadderSweeper } from './escalation/ladder.sweeper';
import { ChannelRegistry } from './escalation/channels/channel-registry';
import { DigestScheduler } from './digests/digest.scheduler';
import { FollowUpSweeper } from './solutions/follow-up.sweeper';

@Module({
  imports: [CoreModule.forRoot({ service: 'worker' }), QueuesModule, ScheduleModule.forRoot()],
  providers: [
    repositoryProvider(SourceRepository),
    repositoryProvider(MentionRepository),
    {
      provide: PollLock,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new PollLock(redis, config.redis.prefix),
    },
    {
      provide: MentionBatchWriter,
      inject: [MentionRepository, EventPublisher, APP_CONFIG],
      useFactory: (mentions: MentionRepository, events: EventPublisher, config: AppConfig) =>
        new MentionBatchWriter(mentions, events, {
          maxBatch: config.ingest.batchSize,
          maxWaitMs: config.ingest.batchMaxWaitMs,
        }),
    },
    // Loads the trained weights once per process.
    { provide: TrainedScorer, useValue: new TrainedScorer() },
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CredentialCipher(config.credentialsKey),
    },
    {
      provide: ConnectorRegistry,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new ConnectorRegistry([
          new XConnector({
            baseUrl: config.x.baseUrl,
            defaultBearerToken: config.x.bearerToken,
            defaultUserAccessToken: config.x.userAccessToken,
          }),
          new FeedConnector({ allowPrivateHosts: config.feeds.allowPrivateHosts }),
          new FacebookConnector({ graphBaseUrl: config.facebook.graphBaseUrl }),
          new YouTubeConnector({ rootUrl: config.youtube.rootUrl, dailyQuotaUnits: config.youtube.dailyQuota }),
        ]),
    },
    repositoryProvider(ClaimRepository),
    repositoryProvider(SlaRepository),
    repositoryProvider(ReplyRepository),
    repositoryProvider(AuditRepository),
    IngestProcessor,
    SourcePoller,
    ClaimLeaseSweeper,
    SlaBreachSweeper,
    ReplySender,
    ReplyQueueSweeper,
    repositoryProvider(IncidentRepository),
    repositoryProvider(EscalationConfigRepository),
    repositoryProvider(DeliveryRepository),
    repositoryProvider(SignalRepository),
    repositoryProvider(DigestRepository),
    repositoryProvider(SettingsRepository),
    { provide: ChannelRegistry, useValue: new ChannelRegistry() },
    EscalationLadder,
    EscalationProcessor,
    NotifyProcessor,
    LadderSweeper,
    EarlyWarningSweeper,
    DigestScheduler,
    repositoryProvider(ReplyOutcomeRepository),
    FollowUpSweeper,
  ],
})
export class WorkerModule {}
