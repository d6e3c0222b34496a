import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  isPlatform,
  TEMPLATE_VARIABLES,
  unknownTemplateVariables,
  type CannedResponseView,
  type Platform,
} from '@lp/domain';
import { CannedResponseRepository } from '@lp/persistence';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { replyRefused } from './reply-composer';
import { CannedResponseDto, UpdateCannedResponseDto } from './reply.dto';

/** The team's reusable answers: everyone reads them, managers and admins write them. */
@ApiTags('replies')
@Controller('canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponseRepository) {}

  @Get()
  async list(@Query('platform') platform?: string): Promise<{ items: CannedResponseView[] }> {
    if (platform !== undefined && !isPlatform(platform)) throw replyRefused('platform', 'not a known platform');
    return { items: await this.canned.list(platform as Platform | undefined) };
  }

  @Post()
  @Roles('manager')
  async create(@Body() dto: CannedResponseDto, @CurrentUser() user: AuthUser): Promise<CannedResponseView> {
    checkVariables(dto.body);
    const created = await this.canned.create({ ...dto, platforms: dto.platforms ?? [] }, user.id);
    if (!created) throw new ConflictException(`a canned response named "${dto.name}" exists`);
    return created;
  }

  @Patch(':id')
  @Roles('manager')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCannedResponseDto,
  ): Promise<CannedResponseView> {
    if (dto.body !== undefined) checkVariables(dto.body);
    const result = await this.canned.update(id, dto);
    if (result === 'missing') throw new NotFoundException(`no canned response ${id}`);
    if (result === 'taken') throw new ConflictException(`a canned response named "${dto.name}" exists`);
    return result;
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('manager')
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.canned.delete(id))) throw new NotFoundException(`no canned response ${id}`);
  }
}

/** A typo in a variable would post "Hi ," to a customer: refuse it while the template is written. */
function checkVariables(body: string): void {
  let unknown: string[];
  try {
    unknown = unknownTemplateVariables(body);
  } catch (error) {
    throw replyRefused(
      'body',
      `the template does not parse: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (unknown.length > 0) {
    throw replyRefused('body', `unknown variables: ${unknown.join(', ')}; use ${TEMPLATE_VARIABLES.join(', ')}`);
  }
}
