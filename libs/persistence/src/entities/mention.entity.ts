import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { EngagementMetrics, MentionStatus, Platform, SentimentLabel, UrgencyLevel } from '@lp/domain';

@Entity({ name: 'mentions' })
@Unique('mentions_platform_external_id_key', ['platform', 'externalId'])
export class MentionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Ingest order. bigint comes back from pg as a string; the view converts it. */
  @Index('mentions_seq_idx', { unique: true })
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity' })
  seq!: string;

  @Column({ type: 'text' })
  platform!: Platform;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  lang!: string;

  @Column({ name: 'author_external_id', type: 'text' })
  authorExternalId!: string;

  @Column({ name: 'author_handle', type: 'text' })
  authorHandle!: string;

  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  @Column({ name: 'author_followers', type: 'integer' })
  authorFollowers!: number;

  @Column({ name: 'author_verified', type: 'boolean' })
  authorVerified!: boolean;

  @Column({ name: 'posted_at', type: 'timestamptz' })
  postedAt!: Date;

  @Column({ name: 'ingested_at', type: 'timestamptz', default: () => 'now()' })
  ingestedAt!: Date;

  @Column({ type: 'jsonb' })
  metrics!: EngagementMetrics;

  @Column({ name: 'in_reply_to_external_id', type: 'text', nullable: true })
  inReplyToExternalId!: string | null;

  @Column({ type: 'text' })
  sentiment!: SentimentLabel;

  @Column({ name: 'sentiment_score', type: 'real' })
  sentimentScore!: number;

  @Column({ type: 'real' })
  complaint!: number;

  @Column({ type: 'smallint' })
  urgency!: number;

  @Column({ name: 'urgency_level', type: 'text' })
  urgencyLevel!: UrgencyLevel;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'jsonb' })
  reasons!: string[];

  @Column({ type: 'text', default: 'new' })
  status!: MentionStatus;
}
