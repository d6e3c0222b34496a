import type { DataSource, EntityManager } from 'typeorm';
import type { SolutionMatch, SolutionVersionView, SolutionView } from '@lp/domain';

interface SolutionRow {
  id: string;
  slug: string;
  title: string;
  problem: string;
  fix: string;
  product: string | null;
  topic: string | null;
  language: string;
  team: string | null;
  version: number;
  source_reply_id: string | null;
  worked_count: number;
  failed_count: number;
  last_confirmed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

interface CandidateRow extends SolutionRow {
  text_rank: number;
  problem_similarity: number;
  fix_similarity: number;
  same_topic: boolean;
  same_product: boolean;
}

export interface SolutionContent {
  title: string;
  problem: string;
  fix: string;
  product: string | null;
  topic: string | null;
  language: string;
  team: string | null;
}

export interface NewSolution extends SolutionContent {
  slug: string;
  createdBy: string;
  sourceReplyId: string | null;
}

export interface SolutionCandidate {
  solution: SolutionView;
  match: SolutionMatch;
}

const COLUMNS = `s.id, s.slug, s.title, s.problem, s.fix, s.product, s.topic, s.language, s.team, s.version,
  s.source_reply_id, s.worked_count, s.failed_count, s.last_confirmed_at, s.created_by, s.created_at, s.updated_at`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toSolutionView(row: SolutionRow): SolutionView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    problem: row.problem,
    fix: row.fix,
    product: row.product,
    topic: row.topic,
    language: row.language,
    team: row.team,
    version: row.version,
    sourceReplyId: row.source_reply_id,
    workedCount: row.worked_count,
    failedCount: row.failed_count,
    lastConfirmedAt: iso(row.last_confirmed_at),
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/**
 * Solutions and their versions. Every write stores the new state as a version in the same
 * transaction, so the history is never behind the solution.
 */
export class SolutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts with its first version; undefined when the slug or the source reply is taken. */
  async create(input: NewSolution): Promise<SolutionView | undefined> {
    return this.dataSource.transaction(async (tx) => {
      const rows: SolutionRow[] = await tx.query(
        `INSERT INTO solutions AS s (slug, title, problem, fix, product, topic, language, team, created_by, source_reply_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          input.slug,
          input.title,
          input.problem,
          input.fix,
          input.product,
          input.topic,
          input.language,
          input.team,
          input.createdBy,
          input.sourceReplyId,
        ],
      );
      if (!rows[0]) return undefined;
      await this.addVersion(tx, rows[0].id, input.createdBy);
      if (input.sourceReplyId) {
        await tx.query(
          `WITH linked AS (UPDATE replies SET solution_id = $1 WHERE id = $2 RETURNING id) SELECT id FROM linked`,
          [rows[0].id, input.sourceReplyId],
        );
      }
      return toSolutionView(rows[0]);
    });
  }

  /** Applies an edit as a new version; undefined if there is no such solution. */
  async update(id: string, patch: Partial<SolutionContent>, editedBy: string): Promise<SolutionView | undefined> {
    return this.dataSource.transaction(async (tx) => {
      const rows: SolutionRow[] = await tx.query(
        `WITH changed AS (
           UPDATE solutions s SET
             title = COALESCE($2, title), problem = COALESCE($3, problem), fix = COALESCE($4, fix),
             product = CASE WHEN $5::boolean THEN $6 ELSE product END,
             topic = CASE WHEN $7::boolean THEN $8 ELSE topic END,
             language = COALESCE($9, language),
             team = CASE WHEN $10::boolean THEN $11 ELSE team END,
             version = version + 1, updated_at = now()
           WHERE id = $1
           RETURNING ${COLUMNS})
         SELECT * FROM changed`,
        [
          id,
          patch.title ?? null,
          patch.problem ?? null,
          patch.fix ?? null,
          patch.product !== undefined,
          patch.product ?? null,
          patch.topic !== undefined,
          patch.topic ?? null,
          patch.language ?? null,
          patch.team !== undefined,
          patch.team ?? null,
        ],
      );
      if (!rows[0]) return undefined;
      await this.addVersion(tx, id, editedBy);
      return toSolutionView(rows[0]);
    });
  }

  async get(id: string): Promise<SolutionView | undefined> {
    const rows: SolutionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM solutions s WHERE s.id = $1`, [id]);
    return rows[0] ? toSolutionView(rows[0]) : undefined;
  }

  async getBySlug(slug: string): Promise<SolutionView | undefined> {
    const rows: SolutionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM solutions s WHERE s.slug = $1`, [
      slug,
    ]);
    return rows[0] ? toSolutionView(rows[0]) : undefined;
  }

  async bySourceReply(replyId: string): Promise<SolutionView | undefined> {
    const rows: SolutionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM solutions s WHERE s.source_reply_id = $1`,
      [replyId],
    );
    return rows[0] ? toSolutionView(rows[0]) : undefined;
  }

  async list(query: { q?: string; topic?: string; limit: number }): Promise<SolutionView[]> {
    const rows: SolutionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM solutions s
       WHERE ($1::text IS NULL OR s.search @@ websearch_to_tsquery('english', $1))
         AND ($2::text IS NULL OR s.topic = $2)
       ORDER BY s.updated_at DESC LIMIT $3`,
      [query.q ?? null, query.topic ?? null, query.limit],
    );
    return rows.map(toSolutionView);
  }

  async versions(id: string): Promise<SolutionVersionView[]> {
    const rows: Array<
      Omit<SolutionVersionView, 'createdAt' | 'editedBy'> & { edited_by: string | null; created_at: Date }
    > = await this.dataSource.query(
      `SELECT version, title, problem, fix, product, topic, language, team, edited_by, created_at
         FROM solution_versions WHERE solution_id = $1 ORDER BY version DESC`,
      [id],
    );
    return rows.map(({ edited_by, created_at, ...rest }) => ({
      ...rest,
      editedBy: edited_by,
      createdAt: iso(created_at)!,
    }));
  }

  /**
   * Candidates for a mention: any word in common (full text, OR-ed) or similar wording (trigrams) over
   * problem and fix, with the measurements the ranking needs. The final order is decided by
   * scoreSolution, so the weights live in one explainable place.
   */
  async candidates(mention: { text: string; topic: string }, limit = 30): Promise<SolutionCandidate[]> {
    const rows: CandidateRow[] = await this.dataSource.query(
      `WITH q AS (
         SELECT NULLIF(replace(plainto_tsquery('english', $1)::text, '&', '|'), '')::tsquery AS tsq,
                tsvector_to_array(to_tsvector('english', $1)) AS words)
       SELECT * FROM (SELECT ${COLUMNS},
         -- The share of the mention's words (stemmed, stop words dropped) the solution contains: unlike
         -- ts_rank over an OR query, one shared word such as the brand's name scores low.
         CASE WHEN cardinality(q.words) = 0 THEN 0 ELSE
           cardinality(ARRAY(SELECT unnest(q.words) INTERSECT SELECT unnest(tsvector_to_array(s.search))))::float8
             / cardinality(q.words) END AS text_rank,
         GREATEST(similarity(s.problem, $1), word_similarity(s.problem, $1))::float8 AS problem_similarity,
         word_similarity(s.fix, $1)::float8 AS fix_similarity,
         (s.topic IS NOT NULL AND s.topic = $2) AS same_topic,
         (s.product IS NOT NULL AND strpos(lower($1), lower(s.product)) > 0) AS same_product
       FROM solutions s, q
       WHERE (q.tsq IS NOT NULL AND s.search @@ q.tsq) OR similarity(s.problem, $1) > 0.1) c
       ORDER BY c.text_rank + c.problem_similarity DESC
       LIMIT $3`,
      [mention.text, mention.topic, limit],
    );
    return rows.map((row) => ({
      solution: toSolutionView(row),
      match: {
        textRank: row.text_rank,
        problemSimilarity: row.problem_similarity,
        fixSimilarity: row.fix_similarity,
        sameTopic: row.same_topic,
        sameProduct: row.same_product,
        workedCount: row.worked_count,
        failedCount: row.failed_count,
      },
    }));
  }

  private async addVersion(tx: EntityManager, id: string, editedBy: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO solution_versions (solution_id, version, title, problem, fix, product, topic, language, team, edited_by)
       SELECT id, version, title, problem, fix, product, topic, language, team, $2 FROM solutions WHERE id = $1`,
      [id, editedBy],
    );
  }
}

/**
 * Recomputes a solution's track record from its evidence (follow-up verdicts and public votes), so
 * a repeated vote or a re-run sweep can never count twice. Runs in the caller's transaction.
 */
export async function recountSolution(db: EntityManager | DataSource, solutionId: string): Promise<void> {
  await db.query(
    `WITH evidence AS (
       SELECT
         (SELECT count(*) FROM reply_outcomes WHERE solution_id = $1 AND outcome = 'confirmed')
           + (SELECT count(*) FROM solution_feedback WHERE solution_id = $1 AND worked) AS worked,
         (SELECT count(*) FROM reply_outcomes WHERE solution_id = $1 AND outcome = 'failed')
           + (SELECT count(*) FROM solution_feedback WHERE solution_id = $1 AND NOT worked) AS failed,
         GREATEST(
           (SELECT max(created_at) FROM reply_outcomes WHERE solution_id = $1 AND outcome = 'confirmed'),
           (SELECT max(updated_at) FROM solution_feedback WHERE solution_id = $1 AND worked)) AS last_confirmed),
     counted AS (
       UPDATE solutions s SET worked_count = e.worked, failed_count = e.failed, last_confirmed_at = e.last_confirmed
       FROM evidence e WHERE s.id = $1 RETURNING s.id)
     SELECT id FROM counted`,
    [solutionId],
  );
}
