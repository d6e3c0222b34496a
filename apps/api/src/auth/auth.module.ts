import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { ConfigError, type AppConfig } from '@lp/config';
import { APP_CONFIG, repositoryProvider } from '@lp/nest-core';
import { RefreshTokenRepository, UserRepository } from '@lp/persistence';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { FirstAdminBootstrap } from './first-admin.bootstrap';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.auth.jwtSecret) throw new ConfigError(['JWT_SECRET: required by the api (32+ random characters)']);
        return { secret: config.auth.jwtSecret };
      },
    }),
    // Counters are per api node; behind a load balancer the limit applies per node.
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: 60 }]),
  ],
  controllers: [AuthController],
  providers: [
    repositoryProvider(UserRepository),
    repositoryProvider(RefreshTokenRepository),
    AccessTokenService,
    AuthService,
    FirstAdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessTokenService, UserRepository],
})
export class AuthModule {}
