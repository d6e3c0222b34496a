import { LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import type { Platform, QuotaView, SourceHealth } from '@lp/domain';
import { SourceEntity, type RateLimitState, type SourceCursor } from '../entities/source.entity';

/** Everything a finished poll (successful or not) changes on its source. */
export interface PollRecord {
  succeeded: boolean;
  cursor: SourceCursor;
  nextPollAt: Date;
  rateLimit: RateLimitState | null;
  quota: QuotaView | null;
  throttledUntil: Date | null;
  error: string | null;
  errorPermanent: boolean;
  lastMentionAt: Date | null;
  meanGapMs: number | null;
  health: SourceHealth;
  healthReason: string | null;
}

export interface NewSource {
  id: string;
  platform: Platform;
  name: string;
  settings: Record<string, unknown>;
  enabled: boolean;
  pollIntervalMs: number;
  credentials: string | null;
}

export type SourcePatch = Partial<Pick<NewSource, 'name' | 'settings' | 'enabled' | 'pollIntervalMs' | 'credentials'>>;

export class SourceRepository {
  private readonly repo: Repository<SourceEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(SourceEntity);
  }

  findDue(now: Date): Promise<SourceEntity[]> {
    return this.repo.find({ where: { enabled: true, nextPollAt: LessThanOrEqual(now) }, order: { nextPollAt: 'ASC' } });
  }

  findById(id: string): Promise<SourceEntity | null> {
    return this.repo.findOneBy({ id });
  }

  list(): Promise<SourceEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  /** Sources of a platform whose settings hold `key = value` (e.g. the Facebook source of a page id). */
  async findBySetting(platform: Platform, key: string, value: string): Promise<SourceEntity[]> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.platform = :platform', { platform })
      .andWhere('s.settings ->> :key = :value', { key, value })
      .getMany();
  }

  async create(source: NewSource): Promise<SourceEntity> {
    return this.repo.save(this.repo.create({ ...source, health: source.enabled ? 'pending' : 'paused' }));
  }

  /** Applies an edit; a changed setting or a resumed source is polled again at once. */
  async update(id: string, patch: SourcePatch): Promise<SourceEntity | null> {
    const source = await this.findById(id);
    if (!source) return null;
    Object.assign(source, patch);
    if (patch.settings !== undefined || patch.enabled === true || patch.credentials !== undefined) {
      source.nextPollAt = new Date();
      source.consecutiveFailures = 0;
      source.lastErrorPermanent = false;
      source.throttledUntil = null;
    }
    if (patch.enabled !== undefined) source.health = patch.enabled ? 'pending' : 'paused';
    return this.repo.save(source);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repo.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Until sources are managed in the app, the configured X query becomes the one X source.
   * Idempotent, so every worker may call it at boot.
   */
  async ensureDefaultSource(
    platform: Platform,
    name: string,
    settings: Record<string, unknown>,
    pollIntervalMs: number,
  ) {
    const existing = await this.repo.findOneBy({ platform });
    if (existing) return existing;
    return this.repo.save(this.repo.create({ platform, name, settings, pollIntervalMs }));
  }

  /** Cursor saved mid-poll (after each page is queued), so a crash resumes from the last queued page. */
  async saveCursor(id: string, cursor: SourceCursor): Promise<void> {
    await this.dataSource.query('UPDATE sources SET cursor = $2, updated_at = now() WHERE id = $1', [id, cursor]);
  }

  async recordPoll(id: string, r: PollRecord): Promise<void> {
    await this.dataSource.query(
      `UPDATE sources SET
         cursor = $2, next_poll_at = $3, rate_limit = COALESCE($4, rate_limit), quota = COALESCE($5, quota),
         throttled_until = $6, last_polled_at = now(),
         last_success_at = CASE WHEN $7 THEN now() ELSE last_success_at END,
         consecutive_failures = CASE WHEN $7 THEN 0 ELSE consecutive_failures + 1 END,
         last_error = CASE WHEN $7 THEN last_error ELSE $8 END,
         last_error_at = CASE WHEN $7 THEN last_error_at ELSE now() END,
         last_error_permanent = $9, last_mention_at = $10, mean_gap_ms = $11,
         health = $12, health_reason = $13, updated_at = now()
       WHERE id = $1`,
      [
        id,
        r.cursor,
        r.nextPollAt,
        r.rateLimit,
        r.quota,
        r.throttledUntil,
        r.succeeded,
        r.error,
        r.errorPermanent,
        r.lastMentionAt,
        r.meanGapMs,
        r.health,
        r.healthReason,
      ],
    );
  }
}
