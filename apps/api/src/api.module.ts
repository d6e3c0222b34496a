import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { loadConfig, type AppConfig } from '@lp/config';
import { CoreModule, QueuesModule } from '@lp/nest-core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClaimsModule } from './claims/claims.module';
import { HealthModule } from './health/health.module';
import { MentionsModule } from './mentions/mentions.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RepliesModule } from './replies/replies.module';
import { SlaModule } from './sla/sla.module';
import { SourcesModule } from './sources/sources.module';
import { TrendsModule } from './trends/trends.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkflowModule } from './workflow/workflow.module';
import { WallModule } from './wall/wall.module';
import { IncidentsModule } from './incidents/incidents.module';
import { EscalationModule } from './escalation/escalation.module';
import { OncallModule } from './oncall/oncall.module';
import { DigestsModule } from './digests/digests.module';
import { SolutionsModule } from './solutions/solutions.module';

/** The built web app, served from the api's origin so the socket and REST calls need no CORS. */
function webApp(config: AppConfig): DynamicModule[] {
  if (!config.api.webDistDir) return [];
  const rootPath = resolve(config.api.webDistDir);
  if (!existsSync(resolve(rootPath, 'index.html'))) return [];
  return [ServeStaticModule.forRoot({ rootPath, exclude: ['/api/{*path}', '/socket.io/{*path}', '/s/{*path}'] })];
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
        AuditModule,
        ClaimsModule,
        WorkflowModule,
        SlaModule,
        RepliesModule,
        RealtimeModule,
        SourcesModule,
        TrendsModule,
        WebhooksModule,
        WallModule,
        IncidentsModule,
        EscalationModule,
        OncallModule,
        DigestsModule,
        SolutionsModule,
        ...webApp(config),
      ],
    };
  }
}
