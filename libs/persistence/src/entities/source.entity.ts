import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform, QuotaView, SourceHealth } from '@lp/domain';

/** Where a connector resumes: whatever the platform's paging needs, stored as the connector wrote it. */
export type SourceCursor = Record<string, unknown>;

export interface RateLimitState {
  limit: number | null;
  remaining: number | null;
  /** ISO time the window resets. */
  resetAt: string | null;
}

/** A thing to listen to on one platform (an X query, a page, a channel, a feed). */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  platform!: Platform;

  @Column({ type: 'text' })
  name!: string;

  /** Platform-specific settings: for X, `{ query }`. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  settings!: Record<string, unknown>;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'poll_interval_ms', type: 'integer' })
  pollIntervalMs!: number;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  cursor!: SourceCursor;

  @Column({ name: 'next_poll_at', type: 'timestamptz', default: () => 'now()' })
  nextPollAt!: Date;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt!: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'rate_limit', type: 'jsonb', nullable: true })
  rateLimit!: RateLimitState | null;

  /** Sealed by CredentialCipher; never leaves the server in clear. */
  @Column({ type: 'text', nullable: true })
  credentials!: string | null;

  @Column({ type: 'text', default: 'pending' })
  health!: SourceHealth;

  @Column({ name: 'health_reason', type: 'text', nullable: true })
  healthReason!: string | null;

  @Column({ name: 'last_error_permanent', type: 'boolean', default: false })
  lastErrorPermanent!: boolean;

  @Column({ name: 'throttled_until', type: 'timestamptz', nullable: true })
  throttledUntil!: Date | null;

  @Column({ name: 'last_mention_at', type: 'timestamptz', nullable: true })
  lastMentionAt!: Date | null;

  @Column({ name: 'mean_gap_ms', type: 'double precision', nullable: true })
  meanGapMs!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  quota!: QuotaView | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
