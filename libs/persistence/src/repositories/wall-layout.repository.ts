import type { DataSource, EntityManager } from 'typeorm';
import type { WallLayout } from '@lp/domain';

export interface StoredWallLayout {
  name: string;
  version: number;
  layout: WallLayout;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
}

interface WallLayoutRow {
  name: string;
  version: number;
  layout: WallLayout;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const SELECT = `SELECT w.name, w.version, w.layout, w.created_by, u.name AS created_by_name, w.created_at
  FROM wall_layouts w LEFT JOIN users u ON u.id = w.created_by`;

/** Versioned wall layouts: rows are only ever added, one version per save. */
export class WallLayoutRepository {
  constructor(private readonly dataSource: DataSource) {}

  async latest(name: string): Promise<StoredWallLayout | undefined> {
    const rows: WallLayoutRow[] = await this.dataSource.query(
      `${SELECT} WHERE w.name = $1 ORDER BY w.version DESC LIMIT 1`,
      [name],
    );
    return rows[0] && toStored(rows[0]);
  }

  /** Newest first. */
  async versions(name: string, limit: number): Promise<StoredWallLayout[]> {
    const rows: WallLayoutRow[] = await this.dataSource.query(
      `${SELECT} WHERE w.name = $1 ORDER BY w.version DESC LIMIT $2`,
      [name, limit],
    );
    return rows.map(toStored);
  }

  /**
   * Saves the next version. Run it inside a transaction: the advisory lock (released at commit)
   * makes two simultaneous saves of one name take turns instead of colliding on the key.
   */
  async append(
    name: string,
    layout: WallLayout,
    createdBy: string | null,
    manager: EntityManager,
  ): Promise<StoredWallLayout> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('wall_layouts:' || $1, 0))`, [name]);
    const rows: WallLayoutRow[] = await manager.query(
      `WITH added AS (
         INSERT INTO wall_layouts (name, version, layout, created_by)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2::jsonb, $3 FROM wall_layouts WHERE name = $1
         RETURNING *)
       SELECT added.*, u.name AS created_by_name FROM added LEFT JOIN users u ON u.id = added.created_by`,
      [name, JSON.stringify(layout), createdBy],
    );
    return toStored(rows[0]!);
  }
}

function toStored(row: WallLayoutRow): StoredWallLayout {
  return {
    name: row.name,
    version: row.version,
    layout: row.layout,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at),
  };
}
