import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { resolvePrerequisites, type PrerequisiteDefaults } from '../../scripts/lib/prerequisites';
import { findExecutable } from '../../scripts/lib/private-redis';
import { probeRedis } from '../../scripts/lib/probes';
import { freePort } from '../support/ports';
import { TEST_DATABASE_URL } from '../support/services';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

async function closedPortDefaults(dataRoot: string): Promise<PrerequisiteDefaults> {
  return {
    databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/listening_post`,
    redisUrl: `redis://127.0.0.1:${await freePort()}`,
    embeddedPostgresPort: await freePort(),
    privateRedisPort: await freePort(),
    dataRoot,
  };
}

describe('npm start prerequisites', () => {
  let dataRoot: string;
  beforeEach(() => {
    dataRoot = mkdtempSync(join(tmpdir(), 'lp-start-'));
  });
  afterEach(() => rmSync(dataRoot, { recursive: true, force: true }));

  it('prints an actionable message, not a stack trace, when PostgreSQL and Redis are unreachable', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/listening_post`,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    };
    const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
    const result = await run(tsx, ['scripts/start.ts', '--check'], { cwd: ROOT, env }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Listening Post cannot start');
    expect(result.stderr).toMatch(
      /PostgreSQL is not reachable at 127\.0\.0\.1:\d+ \(from DATABASE_URL\): ECONNREFUSED\. Start PostgreSQL there, correct DATABASE_URL/,
    );
    expect(result.stderr).toMatch(
      /Redis is not reachable at 127\.0\.0\.1:\d+ \(from REDIS_URL\): ECONNREFUSED\. Start Redis there, correct REDIS_URL/,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('says to install Redis when nothing answers and redis-server is not on the PATH', async () => {
    const result = await resolvePrerequisites({
      env: { DATABASE_URL: TEST_DATABASE_URL },
      defaults: await closedPortDefaults(dataRoot),
      allowFallbacks: true,
      path: dataRoot, // an empty folder: no redis-server anywhere on this PATH
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /redis-server is not installed\. Install Redis 7\+ \(e\.g\. "sudo apt-get install redis-server".*or set REDIS_URL/,
        ),
      ],
    });
  });

  it('starts a private redis-server when none answers and one is installed', async () => {
    if (!findExecutable('redis-server'))
      throw new Error('redis-server is not installed (apt-get install redis-server)');
    const defaults = await closedPortDefaults(dataRoot);
    const result = await resolvePrerequisites({
      env: { DATABASE_URL: TEST_DATABASE_URL },
      defaults,
      allowFallbacks: true,
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    try {
      expect(result.services.redisUrl).toBe(`redis://127.0.0.1:${defaults.privateRedisPort}`);
      expect(await probeRedis(result.services.redisUrl)).toEqual({ ok: true });
    } finally {
      for (const s of result.services.started) await s.stop();
    }
    expect(await probeRedis(result.services.redisUrl, 500)).toMatchObject({ ok: false });
  });

  // embedded-postgres is ESM-only, which Jest's module loader cannot import: run the fallback in a real process.
  it('falls back to an embedded PostgreSQL when nothing answers and DATABASE_URL is unset', async () => {
    const defaults = await closedPortDefaults(dataRoot);
    const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
    const { stdout } = await run(tsx, ['test/support/embedded-postgres.probe.ts', JSON.stringify(defaults)], {
      cwd: ROOT,
      timeout: 90_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').pop()!) as {
      databaseUrl: string;
      probe: unknown;
      started: string[];
    };
    expect(report).toEqual({
      databaseUrl: `postgres://postgres:postgres@127.0.0.1:${defaults.embeddedPostgresPort}/listening_post`,
      probe: { ok: true },
      started: [`embedded PostgreSQL on port ${defaults.embeddedPostgresPort}`],
    });
  });
});
