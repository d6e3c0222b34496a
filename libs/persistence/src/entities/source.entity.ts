import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform } from '@lp/domain';

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
