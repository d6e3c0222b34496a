import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '@lp/config';
import {
  ConnectorError,
  RateLimitedError,
  type ConnectorCursor,
  type RateLimitSnapshot,
  type SourceContext,
} from '@lp/connectors';
import { assessSourceHealth, nextMeanGap, type QuotaView } from '@lp/domain';
import { EventPublisher } from '@lp/events';
import { APP_CONFIG, INGEST_QUEUE } from '@lp/nest-core';
import { CredentialCipher, SourceRepository, toSourceView, type SourceEntity } from '@lp/persistence';
import { ingestJobId, type TypedQueue } from '@lp/queue';
import { ConnectorRegistry } from './connector-registry';
import { PollLock, type HeldLock } from './poll-lock';
import { nextPollAfterFailure, nextPollAfterSuccess } from './poll-schedule';
import { sourceContextOf } from '../sources/source-context';

const TICK_MS = 250;
/** Renewed after every page; bounds how long a crashed worker keeps a source from being polled. */
const LOCK_TTL_MS = 15_000;

interface CycleResult {
  cursor: ConnectorCursor;
  rateLimit: RateLimitSnapshot | null;
  quota: QuotaView | null;
  queued: number;
  complete: boolean;
}

/**
 * Polls every due source through its platform's connector: each page is queued for ingest before
 * the cursor moves past it, so a crash at any point re-reads rather than loses. One worker polls a
 * source at a time (Redis lock); the outcome updates the source's health, and a change of health
 * is published for the screens.
 */
@Injectable()
export class SourcePoller implements OnApplicationBootstrap {
  private ticking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INGEST_QUEUE) private readonly queue: TypedQueue<'ingest'>,
    private readonly sources: SourceRepository,
    private readonly connectors: ConnectorRegistry,
    private readonly cipher: CredentialCipher,
    private readonly locks: PollLock,
    private readonly events: EventPublisher,
    @InjectPinoLogger(SourcePoller.name) private readonly logger: PinoLogger,
  ) {}

  /** Until sources are created in the app, the configured X query becomes the first source. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.x.pollingEnabled) {
      await this.sources.ensureDefaultSource(
        'x',
        'X brand search',
        { query: this.config.x.query },
        this.config.x.pollIntervalMs,
      );
    }
  }

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const source of await this.sources.findDue(new Date())) await this.pollWithLock(source);
    } catch (error) {
      this.logger.error({ err: error }, 'poll tick failed');
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
    const connector = this.connectors.get(source.platform);
    if (!connector) return;
    let progress: CycleResult = { cursor: source.cursor, rateLimit: null, quota: null, queued: 0, complete: false };
    try {
      const context = sourceContextOf(source, this.cipher);
      progress = await this.runCycle(source, context, lock, progress);
      await this.finish(source, progress, null);
    } catch (error) {
      await this.finish(source, progress, error);
    }
  }

  private async runCycle(
    source: SourceEntity,
    context: SourceContext,
    lock: HeldLock,
    start: CycleResult,
  ): Promise<CycleResult> {
    const connector = this.connectors.get(source.platform)!;
    const result = { ...start };
    for await (const page of connector.poll(context, source.cursor)) {
      if (page.mentions.length > 0) {
        const enqueuedAt = Date.now();
        await this.queue.addBulk(
          page.mentions.map((mention) => ({
            name: 'mention.ingest' as const,
            data: { mention, enqueuedAt },
            opts: { jobId: ingestJobId(mention.platform, mention.externalId) },
          })),
        );
        result.queued += page.mentions.length;
      }
      result.cursor = page.cursor;
      result.rateLimit = page.rateLimit ?? result.rateLimit;
      result.quota = page.quota ?? result.quota;
      result.complete = page.done;
      await this.sources.saveCursor(source.id, result.cursor);
      // Lost the lock (we stalled past its TTL)? Another worker owns the source now: stop here.
      if (!page.done && !(await lock.extend())) break;
    }
    return result;
  }

  /** Records what the cycle achieved (even when it failed part-way), the next poll time and the health. */
  private async finish(source: SourceEntity, progress: CycleResult, error: unknown): Promise<void> {
    const now = new Date();
    const succeeded = error === null;
    const message = succeeded ? null : error instanceof Error ? error.message : String(error);
    const permanent = error instanceof ConnectorError && !error.retryable;

    let lastMentionAt = source.lastMentionAt;
    let meanGapMs = source.meanGapMs;
    if (progress.queued > 0) {
      if (lastMentionAt)
        meanGapMs = nextMeanGap(meanGapMs, (now.getTime() - lastMentionAt.getTime()) / progress.queued);
      lastMentionAt = now;
    }
    const throttledUntil =
      error instanceof RateLimitedError
        ? error.resumeAt
        : progress.rateLimit?.remaining === 0 && progress.rateLimit.resetAt
          ? new Date(progress.rateLimit.resetAt)
          : null;
    const nextPollAt = succeeded
      ? nextPollAfterSuccess(now.getTime(), source.pollIntervalMs, progress.rateLimit, !progress.complete)
      : nextPollAfterFailure(now.getTime(), source.pollIntervalMs, source.consecutiveFailures, error);
    const consecutiveFailures = succeeded ? 0 : source.consecutiveFailures + 1;
    const { health, reason } = assessSourceHealth(
      {
        enabled: source.enabled,
        lastSuccessAt: succeeded ? now : source.lastSuccessAt,
        lastMentionAt,
        meanGapMs,
        consecutiveFailures,
        lastError: message ?? source.lastError,
        lastErrorPermanent: permanent,
        throttledUntil,
      },
      now,
    );

    if (!succeeded) {
      this.logger.warn(
        { sourceId: source.id, platform: source.platform, error: message, retryAt: nextPollAt.toISOString() },
        `${source.platform} poll failed; will retry`,
      );
    }
    await this.sources.recordPoll(source.id, {
      succeeded,
      cursor: progress.cursor,
      nextPollAt: permanent ? new Date(now.getTime() + 15 * 60_000) : nextPollAt,
      rateLimit: progress.rateLimit,
      quota: progress.quota,
      throttledUntil,
      error: message,
      errorPermanent: permanent,
      lastMentionAt,
      meanGapMs,
      health,
      healthReason: reason,
    });
    if (health !== source.health || reason !== source.healthReason) await this.publishHealth(source.id);
  }

  private async publishHealth(sourceId: string): Promise<void> {
    const updated = await this.sources.findById(sourceId);
    if (!updated) return;
    const view = toSourceView(updated, []);
    this.logger.info({ sourceId, health: view.health, reason: view.healthReason }, 'source health changed');
    await this.events.publish([
      {
        type: 'source.health',
        id: `source.health:${sourceId}:${Date.now()}`,
        at: new Date().toISOString(),
        payload: view,
      },
    ]);
  }
}
