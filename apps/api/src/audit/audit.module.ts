import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '@lp/persistence';
import { AuditController } from './audit.controller';
import { repositoryProvider } from '@lp/nest-core';

/**
 * The audit trail: managers read it here; claims, the mention workflow, settings and replies
 * record into it. Global because recording is part of nearly every change.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [repositoryProvider(AuditRepository)],
  exports: [AuditRepository],
})
export class AuditModule {}
