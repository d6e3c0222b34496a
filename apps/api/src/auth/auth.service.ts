import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { AppConfig } from '@lp/config';
import type { UserView } from '@lp/domain';
import { APP_CONFIG } from '@lp/nest-core';
import { RefreshTokenRepository, toUserView, UserRepository } from '@lp/persistence';
import { AccessTokenService } from './access-token.service';

export interface Session {
  accessToken: string;
  expiresIn: number;
  user: UserView;
  /** Opaque; goes into an httpOnly cookie, never into the response body. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  /** Verifying against this when the email is unknown keeps the timing of both failures alike. */
  private readonly decoyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly accessTokens: AccessTokenService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async signIn(email: string, password: string): Promise<Session> {
    const user = await this.users.findByEmail(email);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid || !user.active) throw new UnauthorizedException('wrong email or password');
    return this.openSession(toUserView(user));
  }

  /** Swaps a refresh token for a new session. Presenting a used token revokes every session of its user. */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw new UnauthorizedException('no session');
    const consumed = await this.refreshTokens.consume(hashToken(refreshToken));
    if (!consumed) throw new UnauthorizedException('session ended');
    if (consumed.status === 'reused') {
      await this.refreshTokens.revokeAllForUser(consumed.userId);
      throw new UnauthorizedException('session ended');
    }
    if (consumed.status === 'expired') throw new UnauthorizedException('session expired');
    const user = await this.users.findById(consumed.userId);
    if (!user || !user.active) throw new UnauthorizedException('session ended');
    return this.openSession(toUserView(user));
  }

  async signOut(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.refreshTokens.revoke(hashToken(refreshToken));
  }

  private async openSession(user: UserView): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlS * 1000);
    await this.refreshTokens.issue(user.id, hashToken(refreshToken), refreshExpiresAt);
    return { ...this.accessTokens.issue(user), user, refreshToken, refreshExpiresAt };
  }
}
