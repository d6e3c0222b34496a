import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { TwitterApi } from 'twitter-api-v2';
import type { AppConfig } from '@lp/config';
import { createXClient, XSearchConnector, type XCursor } from '@lp/connectors';
import { APP_CONFIG, INGEST_QUEUE } from '@lp/nest-core';
import { SourceRepository, type SourceEntity } from '@lp/persistence';
import { ingestJobId, type TypedQueue } from '@lp/queue';
import { PollLock, type HeldLock } from './poll-lock';
import { nextPollAfterFailure, nextPollAfterSuccess } from './poll-schedule';

const TICK_MS = 250;
/** Renewed after every page; bounds how long a crashed worker keeps a source from being polled. */
const LOCK_TTL_MS = 15_000;

/**
 * Polls every due X source: recent search since the stored cursor, each page queued for ingest
 * before the cursor moves past it, so a crash at any point re-reads rather than loses.
 */
@Injectable()
export class XPoller implements OnApplicationBootstrap {
  private readonly client: TwitterApi;
  private ticking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INGEST_QUEUE) private readonly queue: TypedQueue<'ingest'>,
    private readonly sources: SourceRepository,
    private readonly locks: PollLock,
    @InjectPinoLogger(XPoller.name) private readonly logger: PinoLogger,
  ) {
    this.client = createXClient({ baseUrl: config.x.baseUrl, bearerToken: config.x.bearerToken });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.x.pollingEnabled) {
      this.logger.warn('X polling is off (no X_BEARER_TOKEN, or X_POLLING_ENABLED=false)');
      return;
    }
    await this.sources.ensureDefaultSource(
      'x',
      'X brand search',
      { query: this.config.x.query },
      this.config.x.pollIntervalMs,
    );
  }

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    if (!this.config.x.pollingEnabled || this.ticking) return;
    this.ticking = true;
    try {
      for (const source of await this.sources.findDue('x', new Date())) await this.pollWithLock(source);
    } catch (error) {
      this.logger.error({ err: error }, 'X poll tick failed');
    } finally {
      this.ticking = false;
    }
  }

  private async pollWithLock(source: SourceEntity): Promise<void> {
    const lock = await this.locks.acquire(`poll:${source.id}`, LOCK_TTL_MS);
    if (!lock) return;
    try {
      // Another worker may have finished a cycle between our read and our lock: re-read.
      const fresh = await this.sources.findById(source.id);
      if (fresh && fresh.enabled && fresh.nextPollAt.getTime() <= Date.now()) await this.poll(fresh, lock);
    } finally {
      await lock.release();
    }
  }

  private async poll(source: SourceEntity, lock: HeldLock): Promise<void> {
    const query = typeof source.settings.query === 'string' ? source.settings.query : this.config.x.query;
    const connector = new XSearchConnector(this.client, query, source.id);
    let cursor = source.cursor as XCursor;
    let rateLimit = null;
    let queued = 0;
    try {
      for await (const page of connector.poll(cursor)) {
        if (page.mentions.length > 0) {
          const enqueuedAt = Date.now();
          await this.queue.addBulk(
            page.mentions.map((mention) => ({
              name: 'mention.ingest' as const,
              data: { mention, enqueuedAt },
              opts: { jobId: ingestJobId('x', mention.externalId) },
            })),
          );
          queued += page.mentions.length;
        }
        cursor = page.cursor;
        rateLimit = page.rateLimit;
        await this.sources.saveCursor(source.id, { ...cursor });
        // Lost the lock (we stalled past its TTL)? Another worker owns the source now: stop here.
        if (!page.done && !(await lock.extend())) return;
      }
      const nextPollAt = nextPollAfterSuccess(
        Date.now(),
        source.pollIntervalMs,
        rateLimit,
        cursor.pending !== undefined,
      );
      await this.sources.recordSuccess(source.id, { cursor: { ...cursor }, nextPollAt, rateLimit });
      if (queued > 0) this.logger.debug({ sourceId: source.id, queued }, 'X poll queued mentions');
    } catch (error) {
      const nextPollAt = nextPollAfterFailure(Date.now(), source.pollIntervalMs, source.consecutiveFailures, error);
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { sourceId: source.id, platform: 'x', error: message, retryAt: nextPollAt.toISOString() },
        'X poll failed; will retry',
      );
      await this.sources.recordFailure(source.id, message, nextPollAt, rateLimit);
    }
  }
}
