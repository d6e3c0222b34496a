import 'reflect-metadata';
import cookieParser from 'cookie-parser';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@lp/config';
import { ApiModule } from './api.module';
import { createValidationPipe } from './validation.pipe';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // rawBody: webhook signatures are computed over the bytes as sent, before JSON parsing.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  // Behind a reverse proxy every request comes from the proxy: without this, the rate limits and the
  // one-vote-per-visitor rule would treat all customers as one.
  if (config.api.trustProxy !== false) app.set('trust proxy', config.api.trustProxy);
  // Public solution pages live at /s/:slug, outside /api: short links customers can read and share.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 's/:slug', method: RequestMethod.GET },
      { path: 's/:slug/feedback', method: RequestMethod.POST },
    ],
  });
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Listening Post API')
    .setDescription('Mentions, sources, health and platform webhooks')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  await app.listen(config.api.port, config.api.host);
}

bootstrap().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : `api failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
