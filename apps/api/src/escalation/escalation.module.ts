import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG } from '@lp/nest-core';
import { AuditRepository, CredentialCipher, EscalationConfigRepository } from '@lp/persistence';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';

/** Channels, ladders and rules, edited in the app. The worker runs them. */
@Module({
  controllers: [EscalationController],
  providers: [
    EscalationService,
    {
      provide: EscalationConfigRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new EscalationConfigRepository(ds),
    },
    { provide: AuditRepository, inject: [DataSource], useFactory: (ds: DataSource) => new AuditRepository(ds) },
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new CredentialCipher(c.credentialsKey),
    },
  ],
})
export class EscalationModule {}
