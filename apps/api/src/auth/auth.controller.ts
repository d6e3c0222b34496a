import { Body, Controller, Get, HttpCode, NotFoundException, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { UserView } from '@lp/domain';
import { toUserView, UserRepository } from '@lp/persistence';
import { CurrentUser, Public, type AuthUser } from './auth.decorators';
import { AuthService, type Session } from './auth.service';
import { SignInDto } from './sign-in.dto';

const REFRESH_COOKIE = 'lp_refresh';
/** Scoped to the auth routes and sent only by our own pages: no other request carries the session. */
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserRepository,
  ) {}

  /** Five attempts a minute per address: enough for a typo, too few for guessing. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() dto: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.respond(await this.auth.signIn(dto.email, dto.password), req, res);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.respond(await this.auth.refresh(cookieOf(req)), req, res);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(cookieOf(req));
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get('me')
  async me(@CurrentUser() caller: AuthUser): Promise<UserView> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new NotFoundException('no such user');
    return toUserView(user);
  }

  private respond(session: Session, req: Request, res: Response) {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    // Never in the body: script injected into a page could read it there, and it outlives the access token.
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }
}

function cookieOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' ? value : undefined;
}
