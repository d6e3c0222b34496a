import { Module } from '@nestjs/common';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG, repositoryProvider } from '@lp/nest-core';
import { AuditRepository, CredentialCipher, EscalationConfigRepository } from '@lp/persistence';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';

/** Channels, ladders and rules, edited in the app. The worker runs them. */
@Module({
  controllers: [ChannelsController, EscalationController],
  providers: [
    ChannelsService,
    EscalationService,
    repositoryProvider(EscalationConfigRepository),
    repositoryProvider(AuditRepository),
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new CredentialCipher(c.credentialsKey),
    },
  ],
})
export class EscalationModule {}
