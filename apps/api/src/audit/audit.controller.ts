import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView } from '@lp/domain';
import { AuditRepository } from '@lp/persistence';
import { Roles } from '../auth/auth.decorators';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@Roles('manager')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'Who did what, newest first, with filters; page back with beforeId' })
  async list(@Query() query: ListAuditQuery): Promise<{ items: AuditEntryView[]; nextBeforeId: number | null }> {
    const items = await this.audit.list(query);
    // A full page may have more behind it; a short one is the end.
    return { items, nextBeforeId: items.length === query.limit ? items[items.length - 1]!.id : null };
  }
}
