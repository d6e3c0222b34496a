import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@lp/config';
import { EventPublisher } from '@lp/events';
import { APP_CONFIG, CoreModule, QueuesModule, REDIS } from '@lp/nest-core';
import { ClaimRepository, CredentialCipher, MentionRepository, SourceRepository } from '@lp/persistence';
import { ClaimLeaseSweeper } from './claims/claim-lease.sweeper';
import { TrainedScorer } from '@lp/scoring';
import { IngestProcessor } from './ingest/ingest.processor';
import { MentionBatchWriter } from './ingest/mention-batch-writer';
import { PollLock } from './polling/poll-lock';
import { FacebookConnector, FeedConnector, XConnector, YouTubeConnector } from '@lp/connectors';
import { ConnectorRegistry } from './polling/connector-registry';
import { SourcePoller } from './polling/source.poller';

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
          new XConnector({ baseUrl: config.x.baseUrl, defaultBearerToken: config.x.bearerToken }),
          new FeedConnector({ allowPrivateHosts: config.feeds.allowPrivateHosts }),
          new FacebookConnector({ graphBaseUrl: config.facebook.graphBaseUrl }),
          new YouTubeConnector({ rootUrl: config.youtube.rootUrl, dailyQuotaUnits: config.youtube.dailyQuota }),
        ]),
    },
    { provide: ClaimRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ClaimRepository(ds) },
    IngestProcessor,
    SourcePoller,
    ClaimLeaseSweeper,
  ],
})
export class WorkerModule {}
