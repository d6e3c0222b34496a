import type { DataSource } from 'typeorm';
import type { UrgencyLevel } from '@lp/domain';

export interface MinuteVolume {
  minute: Date;
  total: number;
  negative: number;
}

export interface SignalMention {
  id: string;
  seq: number;
  platform: string;
  text: string;
  topic: string;
  sentiment: string;
  urgencyLevel: UrgencyLevel;
  authorFollowers: number;
  authorVerified: boolean;
}

interface SignalRow {
  id: string;
  seq: string;
  platform: string;
  text: string;
  topic: string;
  sentiment: string;
  urgency_level: UrgencyLevel;
  author_followers: number;
  author_verified: boolean;
}

const signalOf = (r: SignalRow): SignalMention => ({
  id: r.id,
  seq: Number(r.seq),
  platform: r.platform,
  text: r.text,
  topic: r.topic,
  sentiment: r.sentiment,
  urgencyLevel: r.urgency_level,
  authorFollowers: r.author_followers,
  authorVerified: r.author_verified,
});

const SIGNAL_COLUMNS =
  'id, seq::text, platform, text, topic, sentiment, urgency_level, author_followers, author_verified';

/** The reads behind early warning and rule matching; every one is bounded. */
export class SignalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Per-minute totals and negatives from the aggregate table, every minute in range (zeros filled). */
  async minuteVolumes(since: Date, until: Date): Promise<MinuteVolume[]> {
    const rows: Array<{ minute: Date; total: number; negative: number }> = await this.dataSource.query(
      `SELECT g.minute, COALESCE(sum(a.mentions), 0)::int AS total,
         COALESCE(sum(a.mentions) FILTER (WHERE a.sentiment = 'negative'), 0)::int AS negative
       FROM generate_series(date_trunc('minute', $1::timestamptz, 'UTC'), $2::timestamptz, interval '1 minute') AS g(minute)
       LEFT JOIN mention_minutes a ON a.minute = g.minute
       GROUP BY g.minute ORDER BY g.minute`,
      [since, until],
    );
    return rows.map((r) => ({ minute: new Date(r.minute), total: r.total, negative: r.negative }));
  }

  /** Texts (and topics) of mentions posted in [since, until), newest first, at most `limit`. */
  async texts(since: Date, until: Date, limit: number): Promise<Array<{ text: string; topic: string }>> {
    return this.dataSource.query(
      `SELECT text, topic FROM mentions WHERE posted_at >= $1 AND posted_at < $2 ORDER BY posted_at DESC LIMIT $3`,
      [since, until, limit],
    );
  }

  /** The most frequent non-positive topic since a time (what a spike is about). */
  async dominantTopic(since: Date): Promise<string | null> {
    const rows: Array<{ topic: string }> = await this.dataSource.query(
      `SELECT topic FROM mentions WHERE posted_at >= $1 AND sentiment <> 'positive'
       GROUP BY topic ORDER BY count(*) DESC LIMIT 1`,
      [since],
    );
    return rows[0]?.topic ?? null;
  }

  async latestSeq(): Promise<number> {
    const rows: Array<{ seq: string | null }> = await this.dataSource.query(
      'SELECT max(seq)::text AS seq FROM mentions',
    );
    return Number(rows[0]?.seq ?? 0);
  }

  /**
   * Mentions ingested after `afterSeq`, oldest first. Only rows older than a second: sequence numbers
   * are taken at insert but batches commit in any order, so the newest seqs may still have gaps that
   * a slower batch is about to fill, and a cursor moved past them would skip those mentions.
   */
  async mentionsAfter(afterSeq: number, limit: number): Promise<SignalMention[]> {
    const rows: SignalRow[] = await this.dataSource.query(
      `SELECT ${SIGNAL_COLUMNS} FROM mentions WHERE seq > $1 AND ingested_at < now() - interval '1 second'
       ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map(signalOf);
  }

  /** Mentions that breached their SLA in (after, until], oldest first. */
  async breachedBetween(after: Date, until: Date, limit: number): Promise<SignalMention[]> {
    const rows: SignalRow[] = await this.dataSource.query(
      `SELECT ${SIGNAL_COLUMNS} FROM mentions WHERE sla_breached_at > $1 AND sla_breached_at <= $2
       ORDER BY sla_breached_at LIMIT $3`,
      [after, until, limit],
    );
    return rows.map(signalOf);
  }
}
