import { isIP } from 'node:net';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const booleanFlag = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every environment variable the processes read. `.env.example` documents each one;
 * keep the two in step (a unit test checks that they name the same variables).
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/listening_post'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Namespaces every Redis key, queue and channel, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'letters, digits, "_" and "-" only')
    .default('lp'),

  API_HOST: z.string().min(1).default('0.0.0.0'),
  API_PORT: port.default(3000),
  /** Built web app served by the api; empty to serve none (e.g. when Vite's dev server runs it). */
  WEB_DIST_DIR: z.string().default(''),
  /**
   * The reverse proxies whose X-Forwarded-For the api believes (Express "trust proxy"): blank for
   * none, a hop count, or addresses, subnets and loopback/linklocal/uniquelocal separated by commas.
   */
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => v === '' || parseTrustProxy(v) !== undefined,
      'a hop count, or IP addresses, subnets (CIDR) and loopback/linklocal/uniquelocal separated by commas',
    )
    .default(''),

  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  SIMULATOR_PORT: port.default(4100),
  /** Mentions per second the simulator's steady chatter produces. */
  SIMULATOR_RATE: z.coerce.number().min(0).max(100_000).default(2),
  /** Recent-search calls allowed per 15-minute window per token, as X enforces it. */
  SIMULATOR_X_RATE_LIMIT: positiveInt.default(450),

  /** Where the X connector sends requests. The real API unless pointed at the simulator. */
  X_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.x.com/'),
  X_BEARER_TOKEN: z.string().default(''),
  /** OAuth 2 user-context token that posts replies for X sources without user keys of their own. */
  X_USER_ACCESS_TOKEN: z.string().default(''),
  X_QUERY: z.string().min(1).max(512).default('(acme OR @acme OR #acme) -is:retweet'),
  X_POLL_INTERVAL_MS: positiveInt.default(5_000),
  /** Enables the X poller. Off when no bearer token is configured. */
  X_POLLING_ENABLED: booleanFlag.default(true),

  /** Encrypts source credentials at rest (AES-256-GCM): 32 bytes as base64 or hex. `npm start` makes one for development. */
  CREDENTIALS_KEY: z
    .string()
    .refine((v) => v === '' || decodeKey(v) !== undefined, '32 bytes as base64 (44 characters) or hex (64 characters)')
    .default(''),

  FACEBOOK_GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v26.0/'),
  /** App secret that signs webhook deliveries (X-Hub-Signature-256). Webhooks are refused while it is empty. */
  FACEBOOK_APP_SECRET: z.string().default(''),
  /** The string Meta echoes in the hub.verify_token of the subscription handshake. */
  FACEBOOK_VERIFY_TOKEN: z.string().default(''),
  YOUTUBE_API_ROOT_URL: z.url({ protocol: /^https?$/ }).default('https://youtube.googleapis.com/'),
  /** The project's daily YouTube unit budget; polling stops short of it to keep room for replies. */
  YOUTUBE_DAILY_QUOTA: positiveInt.default(10_000),
  /** Comma-separated hosts or IPs a feed URL may resolve to although private or loopback (e.g. the simulator). */
  FEED_ALLOW_PRIVATE_HOSTS: z.string().default(''),

  /** Signs access tokens (HS256). Required by the api: 32+ random characters. `npm start` makes one for development. */
  JWT_SECRET: z
    .string()
    .refine((v) => v === '' || v.length >= 32, 'at least 32 characters')
    .default(''),
  ACCESS_TOKEN_TTL_S: positiveInt.max(86_400).default(900),
  REFRESH_TOKEN_TTL_S: positiveInt.default(14 * 86_400),
  /** The first admin, created at start-up while no user exists. */
  ADMIN_EMAIL: z.union([z.literal(''), z.email()]).default(''),
  ADMIN_PASSWORD: z
    .string()
    .refine((v) => v === '' || v.length >= 12, 'at least 12 characters')
    .default(''),
  ADMIN_NAME: z.string().default('Administrator'),

  /** How long a claim holds a mention without activity before it returns to the queue. */
  CLAIM_LEASE_S: positiveInt.max(86_400).default(300),
  /** Replies sent at once by each worker. */
  REPLY_CONCURRENCY: positiveInt.max(100).default(4),

  INGEST_CONCURRENCY: positiveInt.max(2_000).default(200),
  INGEST_BATCH_SIZE: positiveInt.max(5_000).default(500),
  INGEST_BATCH_MAX_WAIT_MS: positiveInt.max(5_000).default(25),
  /** How long a worker may hold a job before BullMQ treats it as stalled and hands it to another worker. */
  QUEUE_LOCK_DURATION_MS: positiveInt.default(30_000),

  /** Signs acknowledge/resolve links in pages (HMAC-SHA256): 32+ characters. Blank: derived from JWT_SECRET. */
  ESCALATION_LINK_SECRET: z
    .string()
    .refine((v) => v === '' || v.length >= 32, 'at least 32 characters')
    .default(''),
  /** How long a signed link in a page stays valid. */
  ESCALATION_LINK_TTL_S: positiveInt.max(7 * 86_400).default(86_400),
  /** Tries per page on a failing channel, with exponential backoff from NOTIFY_BACKOFF_MS, before it shows as failed. */
  NOTIFY_ATTEMPTS: positiveInt.max(20).default(6),
  NOTIFY_BACKOFF_MS: positiveInt.max(600_000).default(2_000),

  /** Where people reach the app: public solution pages (`/s/:slug`) and signed links in pages point here. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
});

export type Env = z.infer<typeof envSchema>;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express takes it: a hop count or a list of trusted addresses; undefined when it is
 * neither. "true" (trust every hop) is refused: anyone could then pick their own address.
 */
export function parseTrustProxy(value: string): number | string[] | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    if (extra !== undefined || isIP(address) === 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
  };
  return entries.length > 0 && entries.every(valid) ? entries : undefined;
}

/** The 32-byte key from its base64 or hex spelling, or undefined when it is neither. */
export function decodeKey(value: string): Buffer | undefined {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return key.length === 32 ? key : undefined;
}
