import { Module } from '@nestjs/common';
import { ClaimRepository } from '@lp/persistence';
import { PresenceService } from './presence.service';
import { RealtimeEventsSource } from './realtime-events.source';
import { RealtimeGateway } from './realtime.gateway';
import { repositoryProvider } from '@lp/nest-core';

@Module({
  providers: [RealtimeEventsSource, RealtimeGateway, PresenceService, repositoryProvider(ClaimRepository)],
})
export class RealtimeModule {}
