import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClaimRepository } from '@lp/persistence';
import { PresenceService } from './presence.service';
import { RealtimeEventsSource } from './realtime-events.source';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  providers: [
    RealtimeEventsSource,
    RealtimeGateway,
    PresenceService,
    { provide: ClaimRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ClaimRepository(ds) },
  ],
})
export class RealtimeModule {}
