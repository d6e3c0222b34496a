import 'dotenv/config';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@lp/config';
import { runMigrations } from '@lp/persistence';
import { ensureDatabase } from './lib/database';
import { seedDemoSources } from './lib/demo-sources';
import { devAdminPassword, devCredentialsKey, devJwtSecret } from './lib/dev-credentials-key';
import { resolvePrerequisites, type PrerequisiteDefaults } from './lib/prerequisites';
import { portIsFree } from './lib/probes';
import { Supervisor } from './lib/supervisor';

/**
 * `npm start`: finds (or starts) PostgreSQL and Redis, migrates, builds, then runs the simulator,
 * the api and the worker as one process tree and prints the dashboard URL. Ctrl-C stops it all.
 * `npm start -- --check` only checks the prerequisites and says what is missing.
 */
const ROOT = resolve(__dirname, '..');
const SIMULATOR_TOKEN = 'simulator-token';

const DEFAULTS: PrerequisiteDefaults = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/listening_post',
  redisUrl: 'redis://127.0.0.1:6379',
  embeddedPostgresPort: 54329,
  privateRedisPort: 6390,
  dataRoot: resolve(ROOT, '.data'),
};

function fail(lines: string[]): never {
  process.stderr.write(`\nListening Post cannot start:\n${lines.map((l) => `  - ${l}`).join('\n')}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  const prerequisites = await resolvePrerequisites({
    env: process.env,
    defaults: DEFAULTS,
    allowFallbacks: !checkOnly,
  });
  if (!prerequisites.ok) fail(prerequisites.problems);
  const { services } = prerequisites;
  for (const s of services.started) console.log(`started ${s.what}`);

  const cleanup = async () => {
    for (const s of services.started.reverse()) await s.stop().catch(() => undefined);
  };

  // Without X credentials the real connector talks to the local simulator.
  const useSimulator = !process.env.X_BEARER_TOKEN;
  let config;
  try {
    config = loadConfig({
      ...process.env,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      ...(useSimulator ? { X_BEARER_TOKEN: SIMULATOR_TOKEN } : {}),
    });
  } catch (error) {
    await cleanup();
    if (error instanceof ConfigError) fail(error.problems.map((p) => `.env / environment: ${p}`));
    throw error;
  }

  if (checkOnly) {
    console.log(
      `PostgreSQL: ${new URL(services.databaseUrl).host}  Redis: ${new URL(services.redisUrl).host}  — ready`,
    );
    await cleanup();
    return;
  }

  const busy = [];
  if (!(await portIsFree(config.api.port)))
    busy.push(`port ${config.api.port} is in use: stop what holds it or set API_PORT in .env`);
  if (useSimulator && !(await portIsFree(config.simulator.port, config.simulator.host))) {
    busy.push(`port ${config.simulator.port} is in use: stop what holds it or set SIMULATOR_PORT in .env`);
  }
  if (busy.length) {
    await cleanup();
    fail(busy);
  }

  console.log('migrating database…');
  await ensureDatabase(services.databaseUrl);
  const applied = await runMigrations(services.databaseUrl);
  if (applied.length) console.log(`applied ${applied.join(', ')}`);

  console.log('building (incremental)…');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    WEB_DIST_DIR: process.env.WEB_DIST_DIR || resolve(ROOT, 'apps/web/dist'),
    CREDENTIALS_KEY: process.env.CREDENTIALS_KEY || devCredentialsKey(DEFAULTS.dataRoot),
    JWT_SECRET: process.env.JWT_SECRET || devJwtSecret(DEFAULTS.dataRoot),
  };
  // Without a configured first admin, a development one, so the dashboard can be opened at once.
  const devAdmin = !process.env.ADMIN_EMAIL;
  if (devAdmin)
    Object.assign(baseEnv, {
      ADMIN_EMAIL: 'admin@localhost.test',
      ADMIN_PASSWORD: devAdminPassword(DEFAULTS.dataRoot),
    });
  if (useSimulator) {
    const simulatorUrl = `http://${config.simulator.host}:${config.simulator.port}/`;
    Object.assign(baseEnv, {
      X_BEARER_TOKEN: SIMULATOR_TOKEN,
      // Replies from the dashboard post to the simulator as a user-context token would.
      X_USER_ACCESS_TOKEN: SIMULATOR_TOKEN,
      X_API_BASE_URL: simulatorUrl,
      // The simulator allows 450 searches per 15 minutes like X: one every 2 s stays inside it.
      X_POLL_INTERVAL_MS: process.env.X_POLL_INTERVAL_MS || '2000',
      FACEBOOK_GRAPH_BASE_URL: `${simulatorUrl}v26.0/`,
      YOUTUBE_API_ROOT_URL: simulatorUrl,
      // The simulator's feeds are on loopback, which feed sources may not reach unless allowed.
      FEED_ALLOW_PRIVATE_HOSTS: [config.simulator.host, process.env.FEED_ALLOW_PRIVATE_HOSTS].filter(Boolean).join(','),
    });
    const added = await seedDemoSources(services.databaseUrl, baseEnv.CREDENTIALS_KEY!, simulatorUrl);
    if (added.length) console.log(`added demo sources on the simulator: ${added.join(', ')}`);
  }

  let shuttingDown = false;
  const supervisor = new Supervisor((name, code) => {
    if (shuttingDown) return;
    console.error(`\n${name} exited unexpectedly (code ${code}); stopping the rest.`);
    void shutdown(1);
  });
  const shutdown = async (exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('\nstopping…');
    await supervisor.stopAll();
    await cleanup();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const node = process.execPath;
  if (useSimulator)
    supervisor.start({
      name: 'simulator',
      command: node,
      args: [resolve(ROOT, 'apps/simulator/dist/main.js')],
      env: baseEnv,
    });
  supervisor.start({ name: 'api', command: node, args: [resolve(ROOT, 'apps/api/dist/main.js')], env: baseEnv });
  supervisor.start({ name: 'worker', command: node, args: [resolve(ROOT, 'apps/worker/dist/main.js')], env: baseEnv });

  const url = `http://localhost:${config.api.port}/`;
  if (await waitForHealth(`http://127.0.0.1:${config.api.port}/api/health`, 60_000)) {
    const source = useSimulator ? 'the built-in simulator (no X_BEARER_TOKEN set)' : 'X with your credentials';
    // The password stays in its file rather than on the terminal, where it would end up in scroll-back and logs.
    const signIn = devAdmin ? `\n  Sign in as ${baseEnv.ADMIN_EMAIL}; the password is in .data/admin.password` : '';
    console.log(
      `\n  Listening Post is running: ${url}${signIn}\n  Mentions come from ${source}. Ctrl-C stops everything.\n`,
    );
  } else {
    console.error(`the api did not become healthy within 60 s; see its log lines above (${url}api/health)`);
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

main().catch((error: unknown) => fail([error instanceof Error ? error.message : String(error)]));
