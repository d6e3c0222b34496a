import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MentionEntity } from './entities/mention.entity';
import { SourceEntity } from './entities/source.entity';
import { UserEntity } from './entities/user.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [MentionEntity, SourceEntity, UserEntity];

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: { max: 10, application_name: 'listening-post' },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}

/** Applies pending migrations; returns the names it ran. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
