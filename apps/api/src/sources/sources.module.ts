import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG } from '@lp/nest-core';
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
  ],
  exports: [SourceRepository],
})
export class SourcesModule {}
