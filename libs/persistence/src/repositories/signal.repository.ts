import type { DataSource } from 'typeorm';
import type { UrgencyLevel } from '@lp/domain';
import { SettingsRepository } from './settings.repository';

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

/**
 * `seq` is read as text (a bigint may pass 2^53), and that text column is named `seq` too: a query
 * must order by the table's column (`ORDER BY m.seq`), never by the bare name, which Postgres takes
 * to mean the output column and sorts as text ('100000' before '99999'). Ordered so, a batch's last
 * row is not its highest seq, and a cursor moved to it reads (and counts) mentions again.
 */
const SIGNAL_COLUMNS =
  'id, seq::text, platform, text, topic, sentiment, urgency_level, author_followers, author_verified';

/** What the detector reads of a mention to key it by product and symptom. */
export interface KeyingMention {
  id: string;
  seq: number;
  text: string;
  topic: string;
  reasons: string[];
  sentiment: string;
  postedAt: Date;
}

interface KeyingRow {
  id: string;
  seq: string;
  text: string;
  topic: string;
  reasons: unknown;
  sentiment: string;
  posted_at: Date;
}

const keyingOf = (r: KeyingRow): KeyingMention => ({
  id: r.id,
  seq: Number(r.seq),
  text: r.text,
  topic: r.topic,
  reasons: Array.isArray(r.reasons) ? r.reasons.filter((x): x is string => typeof x === 'string') : [],
  sentiment: r.sentiment,
  postedAt: new Date(r.posted_at),
});

const KEYING_COLUMNS = 'id, seq::text, text, topic, reasons, sentiment, posted_at';

/** Mentions of one product and symptom posted in one minute (UTC). */
export interface KeyMinute {
  product: string;
  symptom: string;
  minute: Date;
  mentions: number;
}

/** How far the per-key counts have read the mentions (by ingest seq), and how many buckets were judged. */
export interface KeyCountState {
  seq: number;
  judged: number;
}

const KEY_STATE = 'early_warning.keys';

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

  async latestSeq(): Promise<number> {
    const rows: Array<{ seq: string | null }> = await this.dataSource.query(
      'SELECT max(seq)::text AS seq FROM mentions',
    );
    return Number(rows[0]?.seq ?? 0);
  }

  /**
   * Mentions ingested after `afterSeq`, in seq order (numeric: see SIGNAL_COLUMNS). Only rows older than a second: sequence numbers
   * are taken at insert but batches commit in any order, so the newest seqs may still have gaps that
   * a slower batch is about to fill, and a cursor moved past them would skip those mentions.
   */
  async mentionsAfter(afterSeq: number, limit: number): Promise<SignalMention[]> {
    const rows: SignalRow[] = await this.dataSource.query(
      `SELECT ${SIGNAL_COLUMNS} FROM mentions m WHERE m.seq > $1 AND m.ingested_at < now() - interval '1 second'
       ORDER BY m.seq LIMIT $2`,
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

  /**
   * Mentions ingested after `afterSeq`, in seq order, with what keying needs (see mentionsAfter for
   * why only rows older than a second).
   */
  async keyingMentionsAfter(afterSeq: number, limit: number): Promise<KeyingMention[]> {
    const rows: KeyingRow[] = await this.dataSource.query(
      `SELECT ${KEYING_COLUMNS} FROM mentions m WHERE m.seq > $1 AND m.ingested_at < now() - interval '1 second'
       ORDER BY m.seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map(keyingOf);
  }

  /** Mentions posted since `since`, oldest first, at most `limit`, that no incident holds yet. */
  async unlinkedPostedSince(since: Date, limit: number): Promise<KeyingMention[]> {
    const rows: KeyingRow[] = await this.dataSource.query(
      `SELECT ${KEYING_COLUMNS} FROM mentions m WHERE posted_at >= $1
         AND NOT EXISTS (SELECT 1 FROM incident_mentions im WHERE im.mention_id = m.id)
       ORDER BY posted_at LIMIT $2`,
      [since, limit],
    );
    return rows.map(keyingOf);
  }

  async keyCountState(): Promise<KeyCountState | undefined> {
    return (await new SettingsRepository(this.dataSource).get<KeyCountState>(KEY_STATE))?.value;
  }

  /**
   * Starts the per-key counts over (first run, or the state was lost): empties them and returns the
   * state to count from, the first mention posted since `postedSince` (older ones are never judged
   * nor history).
   */
  async restartKeyCounts(postedSince: Date): Promise<KeyCountState> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM incident_key_minutes');
      const rows: Array<{ seq: string | null }> = await manager.query(
        'SELECT (min(seq) - 1)::text AS seq FROM mentions WHERE posted_at >= $1',
        [postedSince],
      );
      const latest: Array<{ seq: string | null }> = await manager.query('SELECT max(seq)::text AS seq FROM mentions');
      const state = { seq: Number(rows[0]?.seq ?? latest[0]?.seq ?? 0), judged: 0 };
      await new SettingsRepository(this.dataSource).put(KEY_STATE, state, null, manager);
      return state;
    });
  }

  /**
   * Adds counts and moves the state on, in one transaction, only if the state is still `expected`:
   * a second worker that read the same mentions (its lock ran out) adds nothing. Returns whether it did.
   */
  async recordKeyCounts(expected: KeyCountState, next: KeyCountState, counts: KeyMinute[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const settings = new SettingsRepository(this.dataSource);
      const current = (await settings.get<KeyCountState>(KEY_STATE, manager, true))?.value;
      if (!current || current.seq !== expected.seq) return false;
      if (counts.length) {
        await manager.query(
          `INSERT INTO incident_key_minutes (product, symptom, minute, mentions)
           SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[])
           ON CONFLICT (product, symptom, minute) DO UPDATE
             SET mentions = incident_key_minutes.mentions + EXCLUDED.mentions`,
          [
            counts.map((c) => c.product),
            counts.map((c) => c.symptom),
            counts.map((c) => c.minute),
            counts.map((c) => c.mentions),
          ],
        );
      }
      await settings.put(KEY_STATE, next, null, manager);
      return true;
    });
  }

  /** The stored counts of exact (product, symptom, minute) buckets; buckets with none are left out. */
  async keyBuckets(buckets: Array<{ product: string; symptom: string; minute: Date }>): Promise<KeyMinute[]> {
    if (buckets.length === 0) return [];
    const rows: Array<{ product: string; symptom: string; minute: Date; mentions: number }> =
      await this.dataSource.query(
        `SELECT k.product, k.symptom, k.minute, k.mentions FROM incident_key_minutes k
         JOIN unnest($1::text[], $2::text[], $3::timestamptz[]) AS w(product, symptom, minute)
           ON w.product = k.product AND w.symptom = k.symptom AND w.minute = k.minute`,
        [buckets.map((b) => b.product), buckets.map((b) => b.symptom), buckets.map((b) => b.minute)],
      );
    return rows.map((r) => ({
      product: r.product,
      symptom: r.symptom,
      minute: new Date(r.minute),
      mentions: r.mentions,
    }));
  }

  /** The stored per-minute counts of some keys in [since, until] (missing minutes had none). */
  async keyMinutes(keys: Array<{ product: string; symptom: string }>, since: Date, until: Date): Promise<KeyMinute[]> {
    if (keys.length === 0) return [];
    const rows: Array<{ product: string; symptom: string; minute: Date; mentions: number }> =
      await this.dataSource.query(
        `SELECT k.product, k.symptom, k.minute, k.mentions FROM incident_key_minutes k
         JOIN unnest($1::text[], $2::text[]) AS w(product, symptom) ON w.product = k.product AND w.symptom = k.symptom
         WHERE k.minute >= $3 AND k.minute <= $4`,
        [keys.map((k) => k.product), keys.map((k) => k.symptom), since, until],
      );
    return rows.map((r) => ({
      product: r.product,
      symptom: r.symptom,
      minute: new Date(r.minute),
      mentions: r.mentions,
    }));
  }

  /** The earliest minute in [since, until) with any mention posted (whatever its key), from the minute aggregates. */
  async firstPostedMinute(since: Date, until: Date): Promise<Date | null> {
    const rows: Array<{ minute: Date | null }> = await this.dataSource.query(
      'SELECT min(minute) AS minute FROM mention_minutes WHERE minute >= $1 AND minute < $2',
      [since, until],
    );
    return rows[0]?.minute ? new Date(rows[0].minute) : null;
  }

  async pruneKeyMinutes(before: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM incident_key_minutes WHERE minute < $1', [before]);
  }
}
