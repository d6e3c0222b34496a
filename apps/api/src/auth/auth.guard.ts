import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@lp/domain';
import { AccessTokenService } from './access-token.service';
import { IS_PUBLIC, REQUIRED_ROLES, type AuthUser } from './auth.decorators';

/**
 * Global: every route needs a valid access token unless marked @Public(), and @Roles() are
 * enforced here, on the server, whatever the screens show.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket messages ride a connection whose handshake was already checked (RealtimeGateway).
    if (context.getType() === 'ws') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = request.headers.authorization ?? '';
    const user = await this.tokens.verify(header.startsWith('Bearer ') ? header.slice(7) : undefined);
    if (!user) throw new UnauthorizedException('sign in first: missing, invalid or expired access token');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && user.role !== 'admin' && !roles.includes(user.role)) {
      throw new ForbiddenException(`this needs one of these roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
