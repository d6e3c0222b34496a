import type { DataSource } from 'typeorm';
import type { CannedResponseView, Platform } from '@lp/domain';

interface CannedRow {
  id: string;
  name: string;
  body: string;
  platforms: Platform[];
  created_at: Date;
  updated_at: Date;
}

export interface CannedResponseInput {
  name: string;
  body: string;
  platforms: Platform[];
}

function toView(row: CannedRow): CannedResponseView {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    platforms: row.platforms,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The team's reusable answers. Names are unique, so a duplicate create is a conflict, not a twin. */
export class CannedResponseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(platform?: Platform): Promise<CannedResponseView[]> {
    const rows: CannedRow[] = await this.dataSource.query(
      `SELECT * FROM canned_responses
       WHERE $1::text IS NULL OR cardinality(platforms) = 0 OR $1 = ANY(platforms) ORDER BY name`,
      [platform ?? null],
    );
    return rows.map(toView);
  }

  async get(id: string): Promise<CannedResponseView | undefined> {
    const rows: CannedRow[] = await this.dataSource.query(`SELECT * FROM canned_responses WHERE id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : undefined;
  }

  /** Undefined when the name is taken. */
  async create(input: CannedResponseInput, createdBy: string): Promise<CannedResponseView | undefined> {
    const rows: CannedRow[] = await this.dataSource.query(
      `INSERT INTO canned_responses (name, body, platforms, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING RETURNING *`,
      [input.name, input.body, input.platforms, createdBy],
    );
    return rows[0] ? toView(rows[0]) : undefined;
  }

  /** 'missing' for an unknown id, 'taken' when the new name belongs to another response. */
  async update(id: string, patch: Partial<CannedResponseInput>): Promise<CannedResponseView | 'missing' | 'taken'> {
    try {
      const rows: CannedRow[] = await this.dataSource.query(
        // Wrapped in a CTE: TypeORM hands back a bare UPDATE's rows in another shape.
        `WITH updated AS (
           UPDATE canned_responses SET name = COALESCE($2, name), body = COALESCE($3, body),
             platforms = COALESCE($4, platforms), updated_at = now()
           WHERE id = $1 RETURNING *)
         SELECT * FROM updated`,
        [id, patch.name ?? null, patch.body ?? null, patch.platforms ?? null],
      );
      return rows[0] ? toView(rows[0]) : 'missing';
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return 'taken';
      throw error;
    }
  }

  async delete(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH deleted AS (DELETE FROM canned_responses WHERE id = $1 RETURNING id) SELECT id FROM deleted`,
      [id],
    );
    return rows.length > 0;
  }
}
