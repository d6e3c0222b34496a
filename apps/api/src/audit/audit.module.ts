import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRepository } from '@lp/persistence';
import { AuditController } from './audit.controller';

/**
 * The audit trail: managers read it here; claims, the mention workflow, settings and replies
 * record into it. Global because recording is part of nearly every change.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    { provide: AuditRepository, inject: [DataSource], useFactory: (ds: DataSource) => new AuditRepository(ds) },
  ],
  exports: [AuditRepository],
})
export class AuditModule {}
