import type { DataSource, EntityManager } from 'typeorm';

export interface StoredSetting<T> {
  value: T;
  /** 1 on the first write, one more on each edit. */
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

interface SettingRow {
  value: unknown;
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

/** Key/value settings that a team edits in the app (jsonb values), with an edit counter. */
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inside a transaction, `lock` holds the row until commit so two editors cannot interleave. */
  async get<T>(key: string, manager?: EntityManager, lock = false): Promise<StoredSetting<T> | undefined> {
    const rows: SettingRow[] = await (manager ?? this.dataSource).query(
      `SELECT value, version, updated_at, updated_by FROM settings WHERE key = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [key],
    );
    const row = rows[0];
    return row
      ? { value: row.value as T, version: row.version, updatedAt: new Date(row.updated_at), updatedBy: row.updated_by }
      : undefined;
  }

  async put<T>(key: string, value: T, updatedBy: string | null, manager?: EntityManager): Promise<StoredSetting<T>> {
    const rows: SettingRow[] = await (manager ?? this.dataSource).query(
      `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = settings.version + 1,
         updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING value, version, updated_at, updated_by`,
      [key, JSON.stringify(value), updatedBy],
    );
    const row = rows[0]!;
    return {
      value: row.value as T,
      version: row.version,
      updatedAt: new Date(row.updated_at),
      updatedBy: row.updated_by,
    };
  }
}
