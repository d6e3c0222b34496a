import type { Platform } from './platform';

/** Who wrote a mention, as the platform describes them. */
export interface MentionAuthor {
  externalId: string;
  handle: string;
  name: string;
  followers: number;
  verified: boolean;
}

export interface EngagementMetrics {
  likes: number;
  replies: number;
  reposts: number;
  quotes: number;
}

/**
 * A mention as a connector hands it over: normalised across platforms, not yet scored.
 * It travels inside queue jobs, so it holds only JSON-safe values (dates as ISO strings).
 */
export interface RawMention {
  platform: Platform;
  externalId: string;
  sourceId: string | null;
  text: string;
  url: string;
  /** Language as the platform reported it (BCP 47), or null when it did not say. */
  platformLang: string | null;
  author: MentionAuthor;
  postedAt: string;
  metrics: EngagementMetrics;
  inReplyToExternalId: string | null;
}

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const URGENCY_LEVELS = ['low', 'normal', 'high', 'critical'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

export const MENTION_STATUSES = ['new', 'claimed', 'replied', 'resolved', 'ignored'] as const;
export type MentionStatus = (typeof MENTION_STATUSES)[number];

export interface MentionScores {
  sentiment: SentimentLabel;
  /** -1 (most negative) to 1 (most positive). */
  sentimentScore: number;
  /** Probability in [0, 1] that the mention is a complaint. */
  complaint: number;
  /** 0 to 100. */
  urgency: number;
  urgencyLevel: UrgencyLevel;
  topic: string;
  lang: string;
  /** Human-readable reasons behind the urgency, most important first. */
  reasons: string[];
}

/** Who is working a mention, until when (a lease). */
export interface MentionClaim {
  userId: string;
  name: string;
  expiresAt: string;
}

/** A stored mention as screens and the API see it. */
export interface MentionView extends Omit<RawMention, 'platformLang'>, MentionScores {
  claim: MentionClaim | null;
  id: string;
  /** Monotonic ingest sequence: screens catch up with "everything after seq N". */
  seq: number;
  status: MentionStatus;
  ingestedAt: string;
  /** Lower-case labels agents attach (normalised on write). */
  tags: string[];
  /** When the first reply went out; stops the SLA clock. */
  firstResponseAt: string | null;
  /** The first-response deadline, and whether it was missed; null only for rows from before SLAs existed. */
  sla: MentionSla | null;
}

export interface MentionSla {
  dueAt: string;
  breached: boolean;
}

/** An internal note on a mention: for the team, never posted to the platform. */
export interface MentionNoteView {
  id: string;
  mentionId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** How many tags a mention may carry, and how long each may be. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * Tags as stored: trimmed, lower-cased, inner whitespace collapsed to one hyphen, empty ones and
 * repeats dropped, first-seen order kept. Length and count limits are checked by the caller on the result.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
