import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@lp/config';
import { EventPublisher } from '@lp/events';
import { APP_CONFIG, CoreModule, QueuesModule, REDIS } from '@lp/nest-core';
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

/** Early warning, escalation and digests: plain SQL repositories, one instance each. */
const repository = <T>(type: new (ds: DataSource) => T) => ({
  provide: type,
  inject: [DataSource],
  useFactory: (ds: DataSource) => new type(ds),
});

@Module({
  imports: [CoreModule.forRoot({ service: 'worker' }), QueuesModule, ScheduleModule.forRoot()],
  providers: [
    { provide: SourceRepository, inject: [DataSource], useFactory: (ds: DataSource) => new SourceRepository(ds) },
    { provide: MentionRepository, inject: [DataSource], useFactory: (ds: DataSource) => new MentionRepository(ds) },
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
    { provide: ClaimRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ClaimRepository(ds) },
    { provide: SlaRepository, inject: [DataSource], useFactory: (ds: DataSource) => new SlaRepository(ds) },
    { provide: ReplyRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ReplyRepository(ds) },
    { provide: AuditRepository, inject: [DataSource], useFactory: (ds: DataSource) => new AuditRepository(ds) },
    IngestProcessor,
    SourcePoller,
    ClaimLeaseSweeper,
    SlaBreachSweeper,
    ReplySender,
    ReplyQueueSweeper,
    repository(IncidentRepository),
    repository(EscalationConfigRepository),
    repository(DeliveryRepository),
    repository(SignalRepository),
    repository(DigestRepository),
    repository(SettingsRepository),
    { provide: ChannelRegistry, useValue: new ChannelRegistry() },
    EscalationLadder,
    EscalationProcessor,
    NotifyProcessor,
    LadderSweeper,
    EarlyWarningSweeper,
    DigestScheduler,
    repository(ReplyOutcomeRepository),
    FollowUpSweeper,
  ],
})
export class WorkerModule {}
