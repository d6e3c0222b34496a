import {
  Controller,
  ForbiddenException,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@lp/config';
import type { IncidentView } from '@lp/domain';
import { APP_CONFIG, checkIncidentLink, type IncidentLinkAction } from '@lp/nest-core';
import { Public } from '../auth/auth.decorators';
import { IncidentActionsService } from './incident-actions.service';

const ACTIONS: readonly IncidentLinkAction[] = ['acknowledge', 'resolve'];

/**
 * Acknowledge or resolve from the link in a page, without signing in: the HMAC over incident id,
 * action and expiry is the credential. GET only shows a confirmation button, because mail
 * scanners and chat unfurlers fetch links; the POST it submits does the action.
 */
@ApiTags('incidents')
@Controller('incident-links')
export class IncidentLinksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly actions: IncidentActionsService,
  ) {}

  @Public()
  @Get(':id/:action')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; form-action 'self'")
  @ApiOperation({ summary: 'Confirmation page for a signed link (public: the signature is the credential)' })
  confirm(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('action') action: string,
    @Query('expires') expires: string,
    @Query('sig') sig: string,
  ): string {
    const verb = this.check(id, action, expires, sig);
    const qs = `expires=${encodeURIComponent(expires)}&sig=${encodeURIComponent(sig)}`;
    return `<!doctype html><meta charset="utf-8"><title>Listening Post</title>
<form method="post" action="/api/incident-links/${id}/${verb}?${qs}"><button type="submit">${
      verb === 'acknowledge' ? 'Acknowledge' : 'Resolve'
    } the incident</button></form>`;
  }

  @Public()
  @Post(':id/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledges or resolves through a signed link (public: the signature is the credential)' })
  act(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('action') action: string,
    @Query('expires') expires: string,
    @Query('sig') sig: string,
  ): Promise<IncidentView> {
    const verb = this.check(id, action, expires, sig);
    return verb === 'acknowledge' ? this.actions.acknowledge(id, null, 'link') : this.actions.resolve(id, null, 'link');
  }

  /** 401 for a link the server did not sign (tampered, other action or incident); 403 for a genuine but expired one. */
  private check(id: string, action: string, expires: string, sig: string): IncidentLinkAction {
    const verb = ACTIONS.find((a) => a === action);
    if (!verb || typeof sig !== 'string' || typeof expires !== 'string')
      throw new UnauthorizedException('invalid link');
    const result = checkIncidentLink(this.config.escalation.linkSecret, id, verb, Number(expires), sig);
    if (result === 'invalid') throw new UnauthorizedException('invalid link');
    if (result === 'expired') throw new ForbiddenException('this link has expired');
    return verb;
  }
}
