import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_WALL_LAYOUT,
  isWallLayoutName,
  validateWallLayout,
  type WallLayoutFieldError,
  type WallLayoutView,
} from '@lp/domain';
import { AuditRepository, WallLayoutRepository, type StoredWallLayout } from '@lp/persistence';
import type { AuthUser } from '../auth/auth.decorators';
import { validationError } from '../validation.pipe';

const MAX_VERSIONS_LISTED = 100;

// The global validation pipe's 400, so editors read one error format.
const invalid = (fields: WallLayoutFieldError[]) => validationError(fields);

function checkName(name: string): void {
  if (!isWallLayoutName(name))
    throw invalid([{ field: 'name', messages: ['name must be 1-64 lower-case letters, digits or "-"'] }]);
}

function toView(stored: StoredWallLayout): WallLayoutView {
  return { ...stored, createdAt: stored.createdAt.toISOString(), builtIn: false };
}

/** Layouts per wall screen: any signed-in screen reads them, managers save new versions, every save is audited. */
@Injectable()
export class WallLayoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly layouts: WallLayoutRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The newest version, or the built-in default (version 0) for a screen nobody has configured. */
  async latest(name: string): Promise<WallLayoutView> {
    checkName(name);
    const stored = await this.layouts.latest(name);
    if (stored) return toView(stored);
    return {
      name,
      version: 0,
      layout: DEFAULT_WALL_LAYOUT,
      builtIn: true,
      createdBy: null,
      createdByName: null,
      createdAt: null,
    };
  }

  async versions(name: string): Promise<WallLayoutView[]> {
    checkName(name);
    return (await this.layouts.versions(name, MAX_VERSIONS_LISTED)).map(toView);
  }

  async save(name: string, layout: unknown, user: AuthUser): Promise<WallLayoutView> {
    checkName(name);
    const check = validateWallLayout(layout);
    if (!check.ok) throw invalid(check.errors);
    return this.dataSource.transaction(async (tx) => {
      const stored = await this.layouts.append(name, check.layout, user.id, tx);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'settings.changed',
          subject: `wall-layout:${name}`,
          details: { name, version: stored.version, panels: check.layout.panels.map((p) => p.id) },
        },
        tx,
      );
      return toView(stored);
    });
  }
}
