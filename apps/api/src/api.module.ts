import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { loadConfig, type AppConfig } from '@lp/config';
import { CoreModule, QueuesModule } from '@lp/nest-core';
import { AuthModule } from './auth/auth.module';
import { ClaimsModule } from './claims/claims.module';
import { HealthModule } from './health/health.module';
import { MentionsModule } from './mentions/mentions.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SourcesModule } from './sources/sources.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The built web app, served from the api's origin so the socket and REST calls need no CORS. */
function webApp(config: AppConfig): DynamicModule[] {
  if (!config.api.webDistDir) return [];
  const rootPath = resolve(config.api.webDistDir);
  if (!existsSync(resolve(rootPath, 'index.html'))) return [];
  return [ServeStaticModule.forRoot({ rootPath, exclude: ['/api/{*path}', '/socket.io/{*path}'] })];
}

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot({ service: 'api', config }),
        QueuesModule,
        AuthModule,
        UsersModule,
        HealthModule,
        MentionsModule,
        ClaimsModule,
        RealtimeModule,
        SourcesModule,
        WebhooksModule,
        ...webApp(config),
      ],
    };
  }
}
