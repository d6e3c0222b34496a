import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@lp/config';
import { ROLES, type Role } from '@lp/domain';
import { APP_CONFIG } from '@lp/nest-core';
import type { AuthUser } from './auth.decorators';

interface AccessClaims {
  sub: string;
  email: string;
  role: Role;
}

/** Short-lived signed access tokens; shared by the HTTP guard and the socket handshake. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(user: AuthUser): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.auth.accessTokenTtlS;
    const claims: AccessClaims = { sub: user.id, email: user.email, role: user.role };
    return { accessToken: this.jwt.sign(claims, { expiresIn, algorithm: 'HS256' }), expiresIn };
  }

  /** The user a token speaks for, or undefined when it is missing, tampered with or expired. */
  async verify(token: string | undefined): Promise<AuthUser | undefined> {
    if (!token) return undefined;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      if (!(ROLES as readonly string[]).includes(claims.role)) return undefined;
      return { id: claims.sub, email: claims.email, role: claims.role };
    } catch {
      return undefined;
    }
  }
}
