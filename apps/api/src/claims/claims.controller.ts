import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MentionClaim } from '@lp/domain';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { ClaimsService } from './claims.service';

@ApiTags('claims')
@Controller('mentions/:id')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  /** Takes the mention (or renews your lease on it). 409 with the holder when someone else has it. */
  @Post('claim')
  @HttpCode(200)
  claim(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MentionClaim> {
    return this.claims.claim(id, user);
  }

  /** Gives it back to the queue: the holder, or a manager for anyone. */
  @Post('release')
  @HttpCode(204)
  release(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.claims.release(id, user);
  }
}
