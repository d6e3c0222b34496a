import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '@lp/config';
import { EventPublisher } from '@lp/events';
import { loggerOptions } from '@lp/logging';
import { dataSourceOptions } from '@lp/persistence';
import { APP_CONFIG, REDIS } from './tokens';

export interface CoreModuleOptions {
  /** Name on every log line: "api", "worker". */
  service: string;
  /** Validated config; loaded from process.env when omitted. */
  config?: AppConfig;
}

/** Closes the shared Redis connection when the app shuts down. */
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * What every process needs: the typed config (validated once, here), JSON logs, the database
 * and a Redis connection. Apps import this once and stay thin.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions(options.service, config.logLevel),
            // Health probes every few seconds would drown the useful lines.
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database.url), retryAttempts: 3, retryDelay: 1_000 }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => new Redis(config.redis.url, { maxRetriesPerRequest: 3 }) },
        RedisCloser,
        // One publisher per process for the realtime event channel.
        {
          provide: EventPublisher,
          inject: [REDIS],
          useFactory: (redis: Redis) => new EventPublisher(redis, config.redis.prefix),
        },
      ],
      exports: [APP_CONFIG, REDIS, EventPublisher],
    };
  }
}
