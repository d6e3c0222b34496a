import { Module } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG, repositoryProvider } from '@lp/nest-core';
import { CredentialCipher, SourceRepository } from '@lp/persistence';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  controllers: [SourcesController],
  providers: [
    SourcesService,
    repositoryProvider(SourceRepository),
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new CredentialCipher(c.credentialsKey),
    },
  ],
  exports: [SourceRepository],
})
export class SourcesModule {}
