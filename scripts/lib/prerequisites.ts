import { startEmbeddedPostgres } from './embedded-postgres';
import { findExecutable, startPrivateRedis } from './private-redis';
import { probePostgres, probeRedis } from './probes';

export interface PrerequisiteDefaults {
  databaseUrl: string;
  redisUrl: string;
  embeddedPostgresPort: number;
  privateRedisPort: number;
  dataRoot: string;
}

export interface ResolvedServices {
  databaseUrl: string;
  redisUrl: string;
  /** What was started on the user's behalf, to say so and to stop it on exit. */
  started: Array<{ what: string; stop: () => Promise<void> }>;
}

export type PrerequisiteResult = { ok: true; services: ResolvedServices } | { ok: false; problems: string[] };

export interface PrerequisiteOptions {
  env: NodeJS.ProcessEnv;
  defaults: PrerequisiteDefaults;
  /** Fall back to embedded PostgreSQL / a private redis-server (off for `--check`). */
  allowFallbacks: boolean;
  /** PATH searched for redis-server. */
  path?: string;
}

const hostOf = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
};

/**
 * Finds PostgreSQL and Redis, or starts stand-ins, or explains what to do. Every failure is a
 * sentence a newcomer can act on: which service, where we looked, what to install or set.
 */
export async function resolvePrerequisites(options: PrerequisiteOptions): Promise<PrerequisiteResult> {
  const { env, defaults } = options;
  const problems: string[] = [];
  const started: ResolvedServices['started'] = [];
  let databaseUrl = env.DATABASE_URL?.trim() || '';
  let redisUrl = env.REDIS_URL?.trim() || '';

  if (databaseUrl) {
    const probe = await probePostgres(databaseUrl);
    if (!probe.ok) {
      problems.push(
        `PostgreSQL is not reachable at ${hostOf(databaseUrl)} (from DATABASE_URL): ${probe.reason}. ` +
          `Start PostgreSQL there, correct DATABASE_URL in .env, or remove DATABASE_URL to let npm start run an embedded PostgreSQL.`,
      );
    }
  } else {
    const probe = await probePostgres(defaults.databaseUrl);
    if (probe.ok) databaseUrl = defaults.databaseUrl;
    else if (options.allowFallbacks) {
      try {
        const embedded = await startEmbeddedPostgres(defaults.dataRoot, defaults.embeddedPostgresPort);
        databaseUrl = embedded.url;
        started.push({ what: `embedded PostgreSQL on port ${defaults.embeddedPostgresPort}`, stop: embedded.stop });
      } catch (error) {
        problems.push(
          `No PostgreSQL answers at ${hostOf(defaults.databaseUrl)} and the embedded PostgreSQL could not start ` +
            `(${error instanceof Error ? error.message : String(error)}). Install PostgreSQL 15+ ` +
            `(e.g. "sudo apt-get install postgresql") or set DATABASE_URL in .env.`,
        );
      }
    } else {
      problems.push(
        `No PostgreSQL answers at ${hostOf(defaults.databaseUrl)} (${probe.reason}); npm start would run an embedded one. ` +
          `To use your own, install PostgreSQL 15+ or set DATABASE_URL in .env.`,
      );
    }
  }

  if (redisUrl) {
    const probe = await probeRedis(redisUrl);
    if (!probe.ok) {
      problems.push(
        `Redis is not reachable at ${hostOf(redisUrl)} (from REDIS_URL): ${probe.reason}. ` +
          `Start Redis there, correct REDIS_URL in .env, or remove REDIS_URL to let npm start run a private redis-server.`,
      );
    }
  } else {
    const probe = await probeRedis(defaults.redisUrl);
    const executable = findExecutable('redis-server', options.path);
    if (probe.ok) redisUrl = defaults.redisUrl;
    else if (!executable) {
      problems.push(
        `Redis is not reachable at ${hostOf(defaults.redisUrl)} and redis-server is not installed. ` +
          `Install Redis 7+ (e.g. "sudo apt-get install redis-server" or "brew install redis"), or set REDIS_URL in .env.`,
      );
    } else if (options.allowFallbacks) {
      try {
        const redis = await startPrivateRedis(executable, defaults.dataRoot, defaults.privateRedisPort);
        redisUrl = redis.url;
        started.push({ what: `private redis-server on port ${defaults.privateRedisPort}`, stop: redis.stop });
      } catch (error) {
        problems.push(
          `Redis is not reachable and ${executable} failed to start: ${error instanceof Error ? error.message : String(error)}.`,
        );
      }
    }
  }

  if (problems.length > 0) {
    await Promise.allSettled(started.map((s) => s.stop()));
    return { ok: false, problems };
  }
  return { ok: true, services: { databaseUrl, redisUrl, started } };
}
