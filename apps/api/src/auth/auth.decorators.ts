import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@lp/domain';

export const IS_PUBLIC = 'lp:public';
export const REQUIRED_ROLES = 'lp:roles';

/** Opts a route out of sign-in. Every use is deliberate and listed in the route-guard test. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (admins may call every route). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Who is calling, as the access token says. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
