import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WallLayoutView } from '@lp/domain';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { PutWallLayoutDto } from './wall-layout.dto';
import { WallLayoutsService } from './wall-layouts.service';

@ApiTags('wall')
@Controller('wall-layouts')
export class WallLayoutsController {
  constructor(private readonly layouts: WallLayoutsService) {}

  @Get(':name')
  @ApiOperation({ summary: 'The latest layout of a wall screen, or the built-in default (version 0) if none is saved' })
  latest(@Param('name') name: string): Promise<WallLayoutView> {
    return this.layouts.latest(name);
  }

  @Get(':name/versions')
  @ApiOperation({ summary: 'Every saved version of a wall screen’s layout, newest first' })
  async versions(@Param('name') name: string): Promise<{ items: WallLayoutView[] }> {
    return { items: await this.layouts.versions(name) };
  }

  @Put(':name')
  @Roles('manager')
  @ApiOperation({
    summary:
      'Saves a new version of a wall screen’s layout (400 names each bad field; 409 if `baseVersion` is no longer the latest)',
  })
  save(
    @Param('name') name: string,
    @Body() dto: PutWallLayoutDto,
    @CurrentUser() user: AuthUser,
  ): Promise<WallLayoutView> {
    return this.layouts.save(name, dto.layout, user, dto.baseVersion);
  }
}
