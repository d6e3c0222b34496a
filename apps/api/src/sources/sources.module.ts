import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lp/config';
import { EventPublisher } from '@lp/events';
import { APP_CONFIG, REDIS } from '@lp/nest-core';
import { CredentialCipher, SourceRepository } from '@lp/persistence';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  controllers: [SourcesController],
  providers: [
    SourcesService,
    { provide: SourceRepository, inject: [DataSource], useFactory: (ds: DataSource) => new SourceRepository(ds) },
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new CredentialCipher(c.credentialsKey),
    },
    {
      provide: EventPublisher,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, c: AppConfig) => new EventPublisher(redis, c.redis.prefix),
    },
  ],
  exports: [SourceRepository],
})
export class SourcesModule {}
