import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { runMigrations } from '@lp/persistence';

/**
 * Integration tests run against the real local services: TEST_DATABASE_URL (default the
 * `listening_post_test` database that .ci/run creates) and TEST_REDIS_URL.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/listening_post_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Redis key prefix of its own per suite, so suites (and developers' running apps) never see each other's queues. */
export function uniqueRedisPrefix(suite: string): string {
  return `lptest-${suite}-${randomBytes(4).toString('hex')}`;
}

export async function resetDatabase(url = TEST_DATABASE_URL): Promise<void> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    const name = decodeURIComponent(target.pathname.slice(1));
    const { rowCount } = await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await adminClient.query(`CREATE DATABASE "${name}"`);
  } finally {
    await adminClient.end();
  }
  await runMigrations(url);
  // Aggregates are counted from mentions, so they go with them.
  await query(url, 'TRUNCATE mentions, sources, users, mention_minutes, mention_hours, mention_days CASCADE');
}

export async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Removes every key under a prefix (a suite's queues, locks and channels). */
export async function deleteRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
