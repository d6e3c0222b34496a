import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, ENV_VARIABLES, loadConfig } from './load-config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('loads defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.logLevel).toBe('info');
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/listening_post');
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'lp' });
    expect(config.api).toEqual({ host: '0.0.0.0', port: 3000, webDistDir: '', trustProxy: false });
    expect(config.simulator).toEqual({ host: '127.0.0.1', port: 4100, rate: 2, xRateLimit: 450 });
    expect(config.x).toEqual({
      baseUrl: 'https://api.x.com/',
      bearerToken: '',
      userAccessToken: '',
      query: '(acme OR @acme OR #acme) -is:retweet',
      pollIntervalMs: 5_000,
      pollingEnabled: false,
    });
    expect(config.ingest).toEqual({ concurrency: 200, batchSize: 500, batchMaxWaitMs: 25, lockDurationMs: 30_000 });
    expect(config.replies).toEqual({ concurrency: 4 });
  });

  it('reads and coerces values that are set', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      API_PORT: '8080',
      DATABASE_URL: 'postgresql://user:pw@db:5432/lp',
      REDIS_URL: 'rediss://cache:6380',
      REDIS_PREFIX: 'test-run_1',
      SIMULATOR_RATE: '0.5',
      INGEST_CONCURRENCY: '16',
    });
    expect(config.env).toBe('production');
    expect(config.api.port).toBe(8080);
    expect(config.database.url).toBe('postgresql://user:pw@db:5432/lp');
    expect(config.redis).toEqual({ url: 'rediss://cache:6380', prefix: 'test-run_1' });
    expect(config.simulator.rate).toBe(0.5);
    expect(config.ingest.concurrency).toBe(16);
  });

  it.each([
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://cache:6379'],
    ['REDIS_PREFIX', 'has space'],
    ['NODE_ENV', 'staging'],
    ['X_POLLING_ENABLED', 'maybe'],
    ['INGEST_BATCH_SIZE', '0'],
    ['X_API_BASE_URL', 'ftp://example.com'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback, proxy.internal'],
  ])('throws a ConfigError naming %s when it is %p', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain(name);
    expect(error.problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
  });

  it('reads TRUST_PROXY as a hop count or a list of trusted addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).api.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).api.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: '' }).api.trustProxy).toBe(false);
  });

  it('names every bad variable at once', () => {
    const error = configError({ API_PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain('API_PORT');
    expect(error.message).toContain('DATABASE_URL');
  });

  it('treats blank strings as unset', () => {
    const config = loadConfig({ API_PORT: '', DATABASE_URL: '   ', LOG_LEVEL: '\t', X_API_BASE_URL: '' });
    expect(config.api.port).toBe(3000);
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/listening_post');
    expect(config.logLevel).toBe('info');
    expect(config.x.baseUrl).toBe('https://api.x.com/');
  });

  it('trims surrounding whitespace', () => {
    expect(loadConfig({ API_PORT: ' 8080 ' }).api.port).toBe(8080);
  });

  it('enables polling only with a bearer token', () => {
    expect(loadConfig({}).x.pollingEnabled).toBe(false);
    expect(loadConfig({ X_POLLING_ENABLED: 'true' }).x.pollingEnabled).toBe(false);
    expect(loadConfig({ X_BEARER_TOKEN: '   ' }).x.pollingEnabled).toBe(false);
    expect(loadConfig({ X_BEARER_TOKEN: 'token' }).x.pollingEnabled).toBe(true);
    expect(loadConfig({ X_BEARER_TOKEN: 'token', X_POLLING_ENABLED: 'false' }).x.pollingEnabled).toBe(false);
    expect(loadConfig({ X_BEARER_TOKEN: 'token', X_POLLING_ENABLED: '0' }).x.pollingEnabled).toBe(false);
    expect(loadConfig({ X_BEARER_TOKEN: 'token', X_POLLING_ENABLED: 'yes' }).x.pollingEnabled).toBe(true);
  });

  it('gives the X base URL a trailing slash', () => {
    expect(loadConfig({ X_API_BASE_URL: 'http://127.0.0.1:4100' }).x.baseUrl).toBe('http://127.0.0.1:4100/');
    expect(loadConfig({ X_API_BASE_URL: 'http://127.0.0.1:4100/' }).x.baseUrl).toBe('http://127.0.0.1:4100/');
    expect(loadConfig({ X_API_BASE_URL: 'http://sim:4100/x' }).x.baseUrl).toBe('http://sim:4100/x/');
  });
});

describe('ENV_VARIABLES', () => {
  it('includes the variables the schema reads', () => {
    expect(ENV_VARIABLES).toEqual(expect.arrayContaining(['DATABASE_URL', 'API_PORT', 'X_BEARER_TOKEN']));
    expect(new Set(ENV_VARIABLES).size).toBe(ENV_VARIABLES.length);
  });

  it('matches the variables .env.example documents', () => {
    const file = readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');
    const documented = file
      .split(/\r?\n/)
      .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(documented.length).toBe(new Set(documented).size);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});
