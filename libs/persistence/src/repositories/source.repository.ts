import { LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import type { Platform } from '@lp/domain';
import { SourceEntity, type RateLimitState, type SourceCursor } from '../entities/source.entity';

export interface PollOutcome {
  cursor: SourceCursor;
  nextPollAt: Date;
  rateLimit: RateLimitState | null;
}

export class SourceRepository {
  private readonly repo: Repository<SourceEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(SourceEntity);
  }

  findDue(platform: Platform, now: Date): Promise<SourceEntity[]> {
    return this.repo.find({
      where: { platform, enabled: true, nextPollAt: LessThanOrEqual(now) },
      order: { nextPollAt: 'ASC' },
    });
  }

  findById(id: string): Promise<SourceEntity | null> {
    return this.repo.findOneBy({ id });
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

  async recordSuccess(id: string, outcome: PollOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE sources SET cursor = $2, next_poll_at = $3, rate_limit = $4, last_polled_at = now(),
         last_success_at = now(), consecutive_failures = 0, updated_at = now()
       WHERE id = $1`,
      [id, outcome.cursor, outcome.nextPollAt, outcome.rateLimit],
    );
  }

  async recordFailure(id: string, error: string, nextPollAt: Date, rateLimit: RateLimitState | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE sources SET last_error = $2, last_error_at = now(), last_polled_at = now(), next_poll_at = $3,
         rate_limit = COALESCE($4, rate_limit), consecutive_failures = consecutive_failures + 1, updated_at = now()
       WHERE id = $1`,
      [id, error, nextPollAt, rateLimit],
    );
  }
}
