import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '@lp/config';
import { APP_CONFIG } from '@lp/nest-core';
import { Public } from '../auth/auth.decorators';
import { PAGE_CSP } from './html';
import { parseFeedbackForm, PublicSolutionService } from './public-solution.service';
import { renderMessagePage } from './solution-page';
import { identifyVisitor, VISITOR_COOKIE } from './visitor-identity';

const ONE_YEAR_MS = 365 * 86_400_000;

/**
 * `/s/:slug`, outside the /api prefix: a solution's page for customers and search engines, served as
 * plain HTML without sign-in or the web app's bundle. Votes are a plain form POST (works without JS).
 */
@ApiTags('public pages')
@Controller('s')
export class PublicSolutionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly service: PublicSolutionService,
  ) {}

  @Public()
  @Get(':slug')
  @ApiOperation({ summary: 'Public solution page (HTML, no sign-in: it is meant for customers)' })
  async show(@Param('slug') slug: string, @Query('voted') voted: string | undefined, @Res() res: Response) {
    const html = await this.service.page(slug, voted === '1');
    this.headers(res);
    if (!html) return res.status(404).send(notFound());
    res.setHeader('cache-control', 'public, max-age=60');
    return res.status(200).send(html);
  }

  @Public()
  @Post(':slug/feedback')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({
    summary: 'Worked / did not work from the public page (no sign-in; rate limited, one vote per visitor)',
  })
  async feedback(@Param('slug') slug: string, @Body() body: unknown, @Req() req: Request, @Res() res: Response) {
    this.headers(res);
    const form = parseFeedbackForm(body);
    if ('problem' in form) return res.status(400).send(renderMessagePage('Feedback not sent', form.problem));
    const visitor = identifyVisitor(this.config.solutions.feedbackSecret, {
      cookie: (req.cookies as Record<string, string> | undefined)?.[VISITOR_COOKIE],
      ip: req.ip,
      userAgent: req.header('user-agent'),
    });
    if (!(await this.service.vote(slug, visitor, form))) return res.status(404).send(notFound());
    if (visitor.isNew) {
      res.cookie(VISITOR_COOKIE, visitor.cookieId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/s',
        maxAge: ONE_YEAR_MS,
      });
    }
    // Post/redirect/get: a reload shows the page instead of sending the vote again.
    return res.redirect(303, `/s/${encodeURIComponent(slug)}?voted=1#feedback`);
  }

  private headers(res: Response): void {
    res.type('html');
    res.setHeader('content-security-policy', PAGE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  }
}

function notFound(): string {
  return renderMessagePage('Solution not found', 'There is no solution at this address. It may have been moved.');
}
