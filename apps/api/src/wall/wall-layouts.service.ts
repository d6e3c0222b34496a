import { ConflictException, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import {
  DEFAULT_WALL_LAYOUT,
  isWallLayoutName,
  validateWallLayout,
  type WallLayoutConflict,
  type WallLayoutFieldError,
  type WallLayoutView,
} from '@lp/domain';
import { EventPublisher, wallLayoutSavedEvent } from '@lp/events';
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

/** Thrown inside the save's transaction so the version it just added is rolled back. */
class StaleBaseVersion extends Error {}

/** Layouts per wall screen: any signed-in screen reads them, managers save new versions, every save is audited. */
@Injectable()
export class WallLayoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly layouts: WallLayoutRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    @InjectPinoLogger(WallLayoutsService.name) private readonly logger: PinoLogger,
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

  /**
   * Saves version N+1. With `baseVersion`, only if N is still that version: two managers editing
   * one screen must not overwrite each other unknowingly (the loser gets a 409 and keeps the draft).
   */
  async save(name: string, layout: unknown, user: AuthUser, baseVersion?: number): Promise<WallLayoutView> {
    checkName(name);
    const check = validateWallLayout(layout);
    if (!check.ok) throw invalid(check.errors);
    let saved: WallLayoutView;
    try {
      saved = await this.dataSource.transaction(async (tx) => {
        // append numbers the version under a per-name lock, so this comparison cannot race another save.
        const stored = await this.layouts.append(name, check.layout, user.id, tx);
        if (baseVersion !== undefined && stored.version !== baseVersion + 1) throw new StaleBaseVersion();
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
    } catch (error) {
      if (error instanceof StaleBaseVersion) throw await this.conflict(name, baseVersion!);
      throw error;
    }
    await this.announce(saved);
    return saved;
  }

  private async conflict(name: string, baseVersion: number): Promise<ConflictException> {
    const latest = await this.latest(name);
    const by = latest.createdByName ? ` by ${latest.createdByName}` : '';
    const body: WallLayoutConflict = {
      statusCode: 409,
      error: 'Conflict',
      message: `version ${latest.version} was saved${by} after version ${baseVersion}, which this edit started from`,
      field: 'baseVersion',
      latest,
    };
    return new ConflictException(body);
  }

  /**
   * Kiosks showing this screen refetch at once. The version is committed by now: a Redis hiccup must
   * not turn it into an error (a retry would save it twice); kiosks also re-check every minute.
   */
  private async announce(saved: WallLayoutView): Promise<void> {
    try {
      await this.events.publish([wallLayoutSavedEvent({ name: saved.name, version: saved.version })]);
    } catch (error) {
      this.logger.warn({ error: String(error), name: saved.name }, 'could not announce a saved wall layout');
    }
  }
}
