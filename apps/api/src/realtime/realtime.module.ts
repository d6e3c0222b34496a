import { Module } from '@nestjs/common';
import { RealtimeEventsSource } from './realtime-events.source';
import { RealtimeGateway } from './realtime.gateway';

@Module({ providers: [RealtimeEventsSource, RealtimeGateway] })
export class RealtimeModule {}
