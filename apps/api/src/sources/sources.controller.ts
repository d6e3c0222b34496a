import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SourceView } from '@lp/domain';
import { Roles } from '../auth/auth.decorators';
import { CreateSourceDto, UpdateSourceDto } from './source.dto';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  async list(): Promise<{ items: SourceView[] }> {
    return { items: await this.sources.list() };
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SourceView> {
    return this.sources.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateSourceDto): Promise<SourceView> {
    return this.sources.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSourceDto): Promise<SourceView> {
    return this.sources.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.sources.remove(id);
  }
}
