import { Module } from '@nestjs/common';
import { SourcesModule } from '../sources/sources.module';
import { FacebookWebhookController } from './facebook-webhook.controller';

@Module({ imports: [SourcesModule], controllers: [FacebookWebhookController] })
export class WebhooksModule {}
