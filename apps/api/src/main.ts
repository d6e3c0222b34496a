import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@lp/config';
import { ApiModule } from './api.module';
import { createValidationPipe } from './validation.pipe';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // rawBody: webhook signatures are computed over the bytes as sent, before JSON parsing.
  const app = await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
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
