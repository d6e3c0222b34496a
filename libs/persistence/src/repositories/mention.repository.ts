import type { DataSource } from 'typeorm';
import {
  DEFAULT_SLA_TARGETS_S,
  type LanguageSeen,
  type MentionScores,
  type MentionView,
  type RawMention,
} from '@lp/domain';
import { SLA_SETTINGS_KEY, slaDueAtSql } from './sla-sql';
import { countInsertedSql } from './mention-aggregates-sql';

export interface ScoredMention {
  mention: RawMention;
  scores: MentionScores;
}

export interface UpsertedMention {
  view: MentionView;
  /** False when the row already existed (a re-run job or a mention seen twice). */
  inserted: boolean;
}

export interface MentionListQuery {
  limit: number;
  platform?: MentionView['platform'];
  status?: MentionView['status'];
  urgencyLevel?: MentionView['urgencyLevel'];
  topic?: string;
  /** In any of these languages (ISO 639-1 codes, "und" for unknown). */
  lang?: readonly string[];
  /** Held by this user. */
  claimedBy?: string;
  /** By this author (the platform's id for them); combine with `platform`. */
  authorExternalId?: string;
  /** Posted at or after this time. */
  since?: Date;
  /** Posted before this time. */
  until?: Date;
  /** Words that must all appear in the text (full-text, language-neutral). */
  q?: string;
  /** Catch-up: only mentions ingested after this sequence number, oldest first. */
  afterSeq?: number;
  /** Paging back: only mentions ingested before this sequence number, newest first. */
  beforeSeq?: number;
}

/** A mention with its claimer's name: the shape every read returns. */
const SELECT_VIEW = `SELECT m.*, u.name AS claimer_name FROM mentions m LEFT JOIN users u ON u.id = m.claimed_by`;

/** The columns a batch upsert writes, in the order of its parameter arrays. */
const UPSERT_COLUMNS = `platform, external_id, source_id, text, url, lang,
    author_external_id, author_handle, author_name, author_followers, author_verified,
    posted_at, metrics, in_reply_to_external_id,
    sentiment, sentiment_score, complaint, urgency, urgency_level, topic, reasons`;

/**
 * One statement per batch: arrays of column values, unnested server-side. The SLA deadline is
 * computed here from the stored targets ($22 holds the defaults for when none are stored), so every
 * worker agrees on it without caching settings.
 */
const UPSERT_SQL = `
  WITH upserted AS (
  INSERT INTO mentions (${UPSERT_COLUMNS}, sla_due_at)
  SELECT u.*, ${slaDueAtSql('u.posted_at', 'u.urgency_level', "COALESCE(s.value -> 'firstResponseTargetsS', $22::jsonb)")}
  FROM unnest(
    $1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[],
    $7::text[], $8::text[], $9::text[], $10::int[], $11::boolean[],
    $12::timestamptz[], $13::jsonb[], $14::text[],
    $15::text[], $16::real[], $17::real[], $18::smallint[], $19::text[], $20::text[], $21::jsonb[])
    AS u(${UPSERT_COLUMNS})
  LEFT JOIN settings s ON s.key = '${SLA_SETTINGS_KEY}'
  ON CONFLICT (platform, external_id) DO UPDATE SET metrics = EXCLUDED.metrics
  RETURNING *, (xmax = 0) AS inserted),
  -- Trend counts for the rows really inserted, committed with them (one statement, no per-mention query).
  ${countInsertedSql('upserted')}
  SELECT * FROM upserted`;

interface MentionRow {
  id: string;
  seq: string;
  platform: MentionView['platform'];
  external_id: string;
  source_id: string | null;
  text: string;
  url: string;
  lang: string;
  author_external_id: string;
  author_handle: string;
  author_name: string;
  author_followers: number;
  author_verified: boolean;
  posted_at: Date;
  ingested_at: Date;
  metrics: MentionView['metrics'];
  in_reply_to_external_id: string | null;
  sentiment: MentionView['sentiment'];
  sentiment_score: number;
  complaint: number;
  urgency: number;
  urgency_level: MentionView['urgencyLevel'];
  topic: string;
  reasons: string[];
  status: MentionView['status'];
  claimed_by?: string | null;
  claimer_name?: string | null;
  claim_expires_at?: Date | null;
  tags?: string[];
  first_response_at?: Date | null;
  sla_due_at?: Date | null;
  sla_breached_at?: Date | null;
  inserted?: boolean;
}

export class MentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts new mentions and refreshes the engagement metrics of known ones. Safe to repeat:
   * the unique (platform, external_id) key means a retried batch never makes a second row.
   */
  async upsertBatch(items: ScoredMention[]): Promise<UpsertedMention[]> {
    const unique = dedupeByKey(items);
    if (unique.length === 0) return [];
    const columns = toColumnArrays(unique);
    const rows: MentionRow[] = await this.dataSource.query(UPSERT_SQL, [
      ...columns,
      JSON.stringify(DEFAULT_SLA_TARGETS_S),
    ]);
    return rows.map((row) => ({ view: toView(row), inserted: row.inserted === true }));
  }

  async list(query: MentionListQuery): Promise<MentionView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.platform) add((p) => `platform = ${p}`, query.platform);
    if (query.status) add((p) => `status = ${p}`, query.status);
    if (query.urgencyLevel) add((p) => `urgency_level = ${p}`, query.urgencyLevel);
    if (query.topic) add((p) => `topic = ${p}`, query.topic);
    if (query.lang?.length) add((p) => `lang = ANY(${p}::text[])`, query.lang);
    if (query.claimedBy) add((p) => `m.claimed_by = ${p}`, query.claimedBy);
    if (query.authorExternalId) add((p) => `m.author_external_id = ${p}`, query.authorExternalId);
    if (query.since) add((p) => `posted_at >= ${p}`, query.since);
    if (query.until) add((p) => `posted_at < ${p}`, query.until);
    if (query.q) add((p) => `to_tsvector('simple', text) @@ plainto_tsquery('simple', ${p})`, query.q);
    if (query.afterSeq !== undefined) add((p) => `seq > ${p}`, query.afterSeq);
    if (query.beforeSeq !== undefined) add((p) => `seq < ${p}`, query.beforeSeq);
    // Catch-up reads forward from a sequence number; every other listing is newest first.
    const order = query.afterSeq !== undefined ? 'seq ASC' : 'seq DESC';
    params.push(query.limit);
    const sql = `${SELECT_VIEW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT $${params.length}`;
    const rows: MentionRow[] = await this.dataSource.query(sql, params);
    return rows.map(toView);
  }

  async getById(id: string): Promise<MentionView | undefined> {
    const rows: MentionRow[] = await this.dataSource.query(`${SELECT_VIEW} WHERE m.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : undefined;
  }

  /** Several mentions in one read (sweepers announcing what they changed); unknown ids are skipped. */
  async getByIds(ids: readonly string[]): Promise<MentionView[]> {
    if (ids.length === 0) return [];
    const rows: MentionRow[] = await this.dataSource.query(`${SELECT_VIEW} WHERE m.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toView);
  }

  /**
   * The languages of mentions posted since a time, busiest first, from the daily counts (a few rows
   * per day whatever the volume): the options of the screens' language filters.
   */
  async languagesSeen(since: Date): Promise<LanguageSeen[]> {
    const rows: LanguageSeen[] = await this.dataSource.query(
      `SELECT lang, sum(mentions)::int AS mentions FROM mention_days
       WHERE day >= date_trunc('day', $1::timestamptz, 'UTC') GROUP BY lang ORDER BY mentions DESC, lang`,
      [since],
    );
    return rows;
  }

  async count(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM mentions')) as Array<{ n: number }>;
    return row?.n ?? 0;
  }
}

function dedupeByKey(items: ScoredMention[]): ScoredMention[] {
  // ON CONFLICT DO UPDATE refuses to touch one row twice in a statement, so keep the last copy.
  const byKey = new Map<string, ScoredMention>();
  for (const item of items) byKey.set(`${item.mention.platform}\u0000${item.mention.externalId}`, item);
  return [...byKey.values()];
}

function toColumnArrays(items: ScoredMention[]): unknown[][] {
  const col = <T>(pick: (item: ScoredMention) => T) => items.map(pick);
  return [
    col((i) => i.mention.platform),
    col((i) => i.mention.externalId),
    col((i) => i.mention.sourceId),
    col((i) => stripNul(i.mention.text)),
    col((i) => i.mention.url),
    col((i) => i.scores.lang),
    col((i) => i.mention.author.externalId),
    col((i) => stripNul(i.mention.author.handle)),
    col((i) => stripNul(i.mention.author.name)),
    col((i) => i.mention.author.followers),
    col((i) => i.mention.author.verified),
    col((i) => i.mention.postedAt),
    col((i) => JSON.stringify(i.mention.metrics)),
    col((i) => i.mention.inReplyToExternalId),
    col((i) => i.scores.sentiment),
    col((i) => i.scores.sentimentScore),
    col((i) => i.scores.complaint),
    col((i) => i.scores.urgency),
    col((i) => i.scores.urgencyLevel),
    col((i) => i.scores.topic),
    col((i) => JSON.stringify(i.scores.reasons)),
  ];
}

/** PostgreSQL text cannot hold NUL; platforms occasionally send it. */
function stripNul(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}

function toView(row: MentionRow): MentionView {
  return {
    id: row.id,
    seq: Number(row.seq),
    platform: row.platform,
    externalId: row.external_id,
    sourceId: row.source_id,
    text: row.text,
    url: row.url,
    lang: row.lang,
    author: {
      externalId: row.author_external_id,
      handle: row.author_handle,
      name: row.author_name,
      followers: row.author_followers,
      verified: row.author_verified,
    },
    postedAt: new Date(row.posted_at).toISOString(),
    ingestedAt: new Date(row.ingested_at).toISOString(),
    metrics: row.metrics,
    inReplyToExternalId: row.in_reply_to_external_id,
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
    complaint: row.complaint,
    urgency: row.urgency,
    urgencyLevel: row.urgency_level,
    topic: row.topic,
    reasons: row.reasons,
    status: row.status,
    claim:
      row.claimed_by && row.claim_expires_at
        ? {
            userId: row.claimed_by,
            name: row.claimer_name ?? '',
            expiresAt: new Date(row.claim_expires_at).toISOString(),
          }
        : null,
    tags: row.tags ?? [],
    firstResponseAt: row.first_response_at ? new Date(row.first_response_at).toISOString() : null,
    sla: row.sla_due_at
      ? { dueAt: new Date(row.sla_due_at).toISOString(), breached: row.sla_breached_at != null }
      : null,
  };
}
