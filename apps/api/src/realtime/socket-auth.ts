import type { Socket } from 'socket.io';
import type { UserEntity, UserRepository } from '@lp/persistence';
import type { AccessTokenService } from '../auth/access-token.service';
import type { AuthUser } from '../auth/auth.decorators';

/**
 * The handshake rule of every Socket.IO namespace, like every REST call's: a valid access token
 * (`auth: { token }`) of an account that is still active. `admit` keeps what the namespace needs.
 */
export function handshakeAuth<S extends Socket>(
  tokens: AccessTokenService,
  users: UserRepository,
  admit: (socket: S, user: AuthUser, account: UserEntity) => void = () => undefined,
): (socket: S, next: (error?: Error) => void) => void {
  return (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    void tokens
      .verify(typeof token === 'string' ? token : undefined)
      .then(async (user) => {
        const account = user ? await users.findById(user.id) : null;
        if (!user || !account?.active) return next(new Error('unauthorized'));
        admit(socket, user, account);
        next();
      })
      .catch(() => next(new Error('unavailable')));
  };
}
