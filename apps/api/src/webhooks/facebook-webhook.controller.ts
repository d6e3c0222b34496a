import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  ServiceUnavailableException,
  UnauthorizedException,
  type RawBodyRequest,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AppConfig } from '@lp/config';
import {
  ConnectorPayloadError,
  parseFeedWebhook,
  verifyWebhookChallenge,
  verifyWebhookSignature,
} from '@lp/connectors';
import { APP_CONFIG, INGEST_QUEUE } from '@lp/nest-core';
import { SourceRepository } from '@lp/persistence';
import { ingestJobId, type TypedQueue } from '@lp/queue';
import { Public } from '../auth/auth.decorators';

/**
 * Meta's push delivery for Page `feed` changes. Public by design: Meta cannot sign in, so every
 * delivery is authenticated by its X-Hub-Signature-256 over the raw body instead.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/facebook')
export class FacebookWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INGEST_QUEUE) private readonly queue: TypedQueue<'ingest'>,
    private readonly sources: SourceRepository,
  ) {}

  /** The subscription handshake: echo hub.challenge when the verify token matches. */
  @Get()
  handshake(@Query() query: Record<string, string>): string {
    const challenge = this.config.facebook.verifyToken
      ? verifyWebhookChallenge(query, this.config.facebook.verifyToken)
      : null;
    if (challenge === null) throw new ForbiddenException('verify token mismatch');
    return challenge;
  }

  @Post()
  @HttpCode(200)
  async deliver(
    @Req() req: RawBodyRequest<Request>,
    @Headers('x-hub-signature-256') signature: string | undefined,
  ): Promise<{ queued: number }> {
    const secret = this.config.facebook.appSecret;
    if (!secret) throw new ServiceUnavailableException('webhooks are off: FACEBOOK_APP_SECRET is not set');
    if (!req.rawBody || !verifyWebhookSignature(req.rawBody, signature, secret)) {
      throw new UnauthorizedException('missing or invalid X-Hub-Signature-256');
    }
    const body = req.body as { entry?: Array<{ id?: unknown }> } | undefined;
    let queued = 0;
    for (const pageId of new Set((body?.entry ?? []).map((e) => String(e.id ?? '')))) {
      for (const source of await this.sources.findBySetting('facebook', 'pageId', pageId)) {
        let mentions;
        try {
          mentions = parseFeedWebhook(body, source.id, pageId);
        } catch (error) {
          if (error instanceof ConnectorPayloadError) throw new BadRequestException(error.message);
          throw error;
        }
        const enqueuedAt = Date.now();
        await this.queue.addBulk(
          mentions.map((mention) => ({
            name: 'mention.ingest' as const,
            data: { mention, enqueuedAt },
            opts: { jobId: ingestJobId('facebook', mention.externalId) },
          })),
        );
        queued += mentions.length;
      }
    }
    return { queued };
  }
}
