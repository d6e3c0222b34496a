import type { UrgencyLevel } from './mention';

/** The grains aggregates are stored and charted at. */
export const TREND_BUCKETS = ['minute', 'hour', 'day'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export const BUCKET_MS: Record<TrendBucket, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Longest range a trends query may cover: a year and a day, so "this day last year" still fits. */
export const MAX_TREND_RANGE_MS = 366 * BUCKET_MS.day;
/** Most points one series may return: more than any chart can show, and a bound on the work per query. */
export const MAX_TREND_POINTS = 1_500;

/**
 * The bucket a chart reads best at for a range: about 60-360 minute points up to 6 hours, hourly up
 * to 8 days (a week of 168 points), daily beyond. Up to 2 days this reads per-minute rows at most; longer
 * ranges read the hourly and daily rollups, so a query over months touches hundreds of rows, not millions.
 */
export function chooseBucket(from: Date, to: Date): TrendBucket {
  const span = to.getTime() - from.getTime();
  if (span <= 6 * BUCKET_MS.hour) return 'minute';
  if (span <= 8 * BUCKET_MS.day) return 'hour';
  return 'day';
}

/** Start of the bucket holding `t`, in UTC (days are UTC days, the same everywhere the app runs). */
export function floorToBucket(t: Date, bucket: TrendBucket): Date {
  const size = BUCKET_MS[bucket];
  return new Date(Math.floor(t.getTime() / size) * size);
}

/**
 * The range widened to whole buckets: aggregates are stored per bucket, so a series or a total is
 * exact only over whole ones. `to` stays exclusive.
 */
export function alignRange(from: Date, to: Date, bucket: TrendBucket): { from: Date; to: Date } {
  const size = BUCKET_MS[bucket];
  return { from: floorToBucket(from, bucket), to: new Date(Math.ceil(to.getTime() / size) * size) };
}

/** How many buckets an aligned range has. */
export function bucketCount(from: Date, to: Date, bucket: TrendBucket): number {
  const aligned = alignRange(from, to, bucket);
  return Math.round((aligned.to.getTime() - aligned.from.getTime()) / BUCKET_MS[bucket]);
}

/** Every bucket start in an aligned range, oldest first: series are filled so gaps chart as zero. */
export function bucketStarts(from: Date, to: Date, bucket: TrendBucket): Date[] {
  const size = BUCKET_MS[bucket];
  const out: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += size) out.push(new Date(t));
  return out;
}

/** Every trends answer: the range actually covered (aligned to whole buckets) and its rows. */
export interface TrendResponse<Row> {
  from: string;
  to: string;
  bucket: TrendBucket;
  items: Row[];
}

export interface SentimentPoint {
  bucket: string;
  negative: number;
  neutral: number;
  positive: number;
  total: number;
}

export interface NegativeSharePoint {
  bucket: string;
  mentions: number;
  negative: number;
  /** negative / mentions, 0 when there were none. */
  share: number;
}

export interface PlatformVolumePoint {
  bucket: string;
  x: number;
  facebook: number;
  youtube: number;
  feed: number;
  total: number;
}

export interface TopicVolume {
  topic: string;
  mentions: number;
  negative: number;
  complaints: number;
  critical: number;
}

export interface RisingTerm {
  term: string;
  /** Estimated mentions containing the term in the range. */
  mentions: number;
  /** The same over the previous range of equal length, scaled to this range's volume. */
  expected: number;
  /** mentions / expected, smoothed: 1 means no change. */
  ratio: number;
}

export interface ResponseTimePoint {
  bucket: string;
  /** Mentions first answered in the bucket. */
  responses: number;
  medianS: number | null;
  p90S: number | null;
}

export type SlaBreachPoint = { bucket: string; total: number } & Record<UrgencyLevel, number>;

export interface AgentActivity {
  agentId: string;
  name: string;
  claims: number;
  repliesSent: number;
  approvals: number;
  statusChanges: number;
  notes: number;
}

export interface ReplyOutcomePoint {
  bucket: string;
  sent: number;
  failed: number;
  rejected: number;
  /** Waiting for approval, queued or being sent. */
  pending: number;
}

/** The trends endpoints, by the name each has under `/api/trends/`. */
export interface TrendRows {
  sentiment: SentimentPoint;
  'negative-share': NegativeSharePoint;
  platforms: PlatformVolumePoint;
  topics: TopicVolume;
  'rising-terms': RisingTerm;
  'response-times': ResponseTimePoint;
  'sla-breaches': SlaBreachPoint;
  agents: AgentActivity;
  replies: ReplyOutcomePoint;
}
export type TrendName = keyof TrendRows;
