import { createHmac } from 'node:crypto';
import { decodeKey, envSchema, type Env, parseTrustProxy } from './env.schema';

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Thrown at boot when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  database: { url: string };
  redis: { url: string; prefix: string };
  /** trustProxy: false (none), a hop count or trusted addresses, as Express's "trust proxy" takes them. */
  api: { host: string; port: number; webDistDir: string; trustProxy: false | number | string[] };
  simulator: { host: string; port: number; rate: number; xRateLimit: number };
  x: {
    baseUrl: string;
    bearerToken: string;
    userAccessToken: string;
    query: string;
    pollIntervalMs: number;
    pollingEnabled: boolean;
  };
  ingest: { concurrency: number; batchSize: number; batchMaxWaitMs: number; lockDurationMs: number };
  /** Undefined until CREDENTIALS_KEY is set: storing credentials then fails with that message. */
  credentialsKey: Buffer | undefined;
  facebook: { graphBaseUrl: string; appSecret: string; verifyToken: string };
  youtube: { rootUrl: string; dailyQuota: number };
  feeds: { allowPrivateHosts: string[] };
  claims: { leaseS: number };
  replies: { concurrency: number };
  escalation: {
    linkSecret: string;
    linkTtlS: number;
    publicUrl: string;
    notifyAttempts: number;
    notifyBackoffMs: number;
  };
  solutions: {
    publicBaseUrl: string;
    /** Keys the visitor hashes of public votes; derived from JWT_SECRET, so no extra secret to manage. */
    feedbackSecret: string;
  };
  auth: {
    jwtSecret: string;
    accessTokenTtlS: number;
    refreshTokenTtlS: number;
    firstAdmin: { email: string; password: string; name: string } | null;
  };
}

/** Empty strings count as "unset" so a blank line in .env means "use the default". */
function withoutBlanks(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutBlanks(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      webDistDir: e.WEB_DIST_DIR,
      trustProxy: e.TRUST_PROXY === '' ? false : (parseTrustProxy(e.TRUST_PROXY) ?? false),
    },
    simulator: {
      host: e.SIMULATOR_HOST,
      port: e.SIMULATOR_PORT,
      rate: e.SIMULATOR_RATE,
      xRateLimit: e.SIMULATOR_X_RATE_LIMIT,
    },
    x: {
      baseUrl: withSlash(e.X_API_BASE_URL),
      bearerToken: e.X_BEARER_TOKEN,
      userAccessToken: e.X_USER_ACCESS_TOKEN,
      query: e.X_QUERY,
      pollIntervalMs: e.X_POLL_INTERVAL_MS,
      pollingEnabled: e.X_POLLING_ENABLED && e.X_BEARER_TOKEN !== '',
    },
    ingest: {
      concurrency: e.INGEST_CONCURRENCY,
      batchSize: e.INGEST_BATCH_SIZE,
      batchMaxWaitMs: e.INGEST_BATCH_MAX_WAIT_MS,
      lockDurationMs: e.QUEUE_LOCK_DURATION_MS,
    },
    credentialsKey: e.CREDENTIALS_KEY ? decodeKey(e.CREDENTIALS_KEY) : undefined,
    facebook: {
      graphBaseUrl: withSlash(e.FACEBOOK_GRAPH_BASE_URL),
      appSecret: e.FACEBOOK_APP_SECRET,
      verifyToken: e.FACEBOOK_VERIFY_TOKEN,
    },
    youtube: { rootUrl: withSlash(e.YOUTUBE_API_ROOT_URL), dailyQuota: e.YOUTUBE_DAILY_QUOTA },
    claims: { leaseS: e.CLAIM_LEASE_S },
    replies: { concurrency: e.REPLY_CONCURRENCY },
    escalation: {
      // A derived key, so a leaked link secret never reveals the token-signing secret.
      linkSecret:
        e.ESCALATION_LINK_SECRET ||
        (e.JWT_SECRET ? createHmac('sha256', e.JWT_SECRET).update('escalation-links').digest('base64url') : ''),
      linkTtlS: e.ESCALATION_LINK_TTL_S,
      publicUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      notifyAttempts: e.NOTIFY_ATTEMPTS,
      notifyBackoffMs: e.NOTIFY_BACKOFF_MS,
    },
    solutions: {
      publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      feedbackSecret: e.JWT_SECRET
        ? createHmac('sha256', e.JWT_SECRET).update('solution-feedback').digest('base64url')
        : '',
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTokenTtlS: e.ACCESS_TOKEN_TTL_S,
      refreshTokenTtlS: e.REFRESH_TOKEN_TTL_S,
      firstAdmin:
        e.ADMIN_EMAIL && e.ADMIN_PASSWORD
          ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, name: e.ADMIN_NAME }
          : null,
    },
    feeds: {
      allowPrivateHosts: e.FEED_ALLOW_PRIVATE_HOSTS.split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    },
  };
}

export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);
