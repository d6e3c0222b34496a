import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { MentionView } from '@lp/domain';
import type { RealtimeEvent, ServerToClientEvents } from '@lp/events';
import { AppProcess } from './app-process';
import { freePort } from './ports';
import {
  deleteRedisPrefix,
  query,
  resetDatabase,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
} from './services';
import { waitFor } from './wait';

export interface PipelineOptions {
  suite: string;
  /** Extra environment for the worker (batch sizes, lock durations…). */
  workerEnv?: Record<string, string>;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Extra environment that depends on the simulator's URL (chosen at start). */
  envFromUrls?: (simulatorUrl: string) => Record<string, string>;
  databaseUrl?: string;
}

/** Simulator + api + worker on free ports, a clean database and a private Redis prefix. */
export class Pipeline {
  simulator!: AppProcess;
  api!: AppProcess;
  worker!: AppProcess;
  simulatorUrl = '';
  apiUrl = '';
  readonly redisPrefix: string;
  /** Seals source credentials in this run's database. */
  readonly credentialsKey = randomBytes(32).toString('base64');
  readonly jwtSecret = randomBytes(48).toString('base64');
  readonly admin = { email: 'admin@listening-post.test', password: 'correct horse battery staple' };
  /** The admin's access token, once started. */
  accessToken = '';
  private env: Record<string, string> = {};

  constructor(private readonly options: PipelineOptions) {
    this.redisPrefix = uniqueRedisPrefix(options.suite);
  }

  async start(): Promise<void> {
    const databaseUrl = this.options.databaseUrl ?? TEST_DATABASE_URL;
    await resetDatabase(databaseUrl);
    const [simPort, apiPort] = [await freePort(), await freePort()];
    this.simulatorUrl = `http://127.0.0.1:${simPort}`;
    this.apiUrl = `http://127.0.0.1:${apiPort}`;
    this.env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: this.redisPrefix,
      SIMULATOR_PORT: String(simPort),
      SIMULATOR_RATE: '0',
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      X_API_BASE_URL: `${this.simulatorUrl}/`,
      X_BEARER_TOKEN: 'test-token',
      X_USER_ACCESS_TOKEN: 'test-user-token',
      X_POLL_INTERVAL_MS: '200',
      CREDENTIALS_KEY: this.credentialsKey,
      JWT_SECRET: this.jwtSecret,
      ADMIN_EMAIL: this.admin.email,
      ADMIN_PASSWORD: this.admin.password,
      ...this.options.env,
      ...this.options.envFromUrls?.(this.simulatorUrl),
    };
    this.simulator = new AppProcess('simulator', this.env).start();
    this.api = new AppProcess('api', this.env).start();
    this.worker = this.newWorker().start();
    await waitFor('simulator', () => fetch(`${this.simulatorUrl}/__sim/state`).then((r) => r.ok), 20_000);
    await waitFor('api health', () => fetch(`${this.apiUrl}/api/health`).then((r) => r.ok), 30_000);
    this.accessToken = await waitFor(
      'first admin',
      () => this.signIn(this.admin.email, this.admin.password).catch(() => ''),
      10_000,
    );
  }

  /** Signs in and returns the access token (throws with the status on refusal). */
  async signIn(email: string, password: string): Promise<string> {
    const res = await fetch(`${this.apiUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in refused: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  /** fetch against the api as the admin (or with the token given). */
  apiFetch(path: string, init: RequestInit = {}, token = this.accessToken): Promise<Response> {
    return fetch(`${this.apiUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
    });
  }

  newApi(): AppProcess {
    return new AppProcess('api', this.env);
  }

  newWorker(): AppProcess {
    return new AppProcess('worker', { ...this.env, ...this.options.workerEnv });
  }

  async stop(): Promise<void> {
    await Promise.all([this.worker?.stop(), this.api?.stop(), this.simulator?.stop()]);
    await deleteRedisPrefix(this.redisPrefix);
  }

  /**
   * An hour of steady traffic, dated over the last hour, arriving at once; resolves when all of it
   * is stored. Spikes are judged against history, so a test of one loads this first.
   */
  async loadHourOfHistory(): Promise<void> {
    const res = await fetch(`${this.simulatorUrl}/__sim/scenario`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'backlog', seconds: 3_600 }),
    });
    if (res.status !== 201) throw new Error(`simulator refused the backlog: ${res.status} ${await res.text()}`);
    const { tweets } = (await (await fetch(`${this.simulatorUrl}/__sim/state`)).json()) as { tweets: number };
    const databaseUrl = this.options.databaseUrl ?? TEST_DATABASE_URL;
    await waitFor(
      'the hour of history ingested',
      async () => (await query<{ n: number }>(databaseUrl, 'SELECT count(*)::int AS n FROM mentions'))[0]!.n >= tweets,
      60_000,
      250,
    );
  }

  /**
   * Has the simulator post `count` X posts. `lang` is X's `lang` (scripted text without it is 'und',
   * so the scorer detects it); `followers`/`verified` give the posts an author of that reach. Answers
   * the X ids of the first and last post made (a mention's external id is its post's).
   */
  async emit(
    count: number,
    mood?: string,
    script: { text?: string; authorName?: string; lang?: string; followers?: number; verified?: boolean } = {},
  ): Promise<{ firstId: string; lastId: string }> {
    const res = await fetch(`${this.simulatorUrl}/__sim/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count, mood, ...script }),
    });
    if (res.status !== 201) throw new Error(`simulator refused to emit: ${res.status} ${await res.text()}`);
    const { firstId, lastId } = (await res.json()) as { firstId: string; lastId: string };
    return { firstId, lastId };
  }

  async fault(mode: string, times: number, endpoint = 'x.search'): Promise<void> {
    const res = await fetch(`${this.simulatorUrl}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint, mode, times }),
    });
    if (res.status !== 201) throw new Error(`simulator refused the fault: ${res.status}`);
  }
}

/** A browser stand-in: a socket.io-client that records every mention event it receives. */
export class RecordingClient {
  readonly events: RealtimeEvent[] = [];
  readonly mentionIds = new Set<string>();
  private readonly socket: Socket<ServerToClientEvents>;

  constructor(apiUrl: string, token: string) {
    this.socket = io(apiUrl, { transports: ['websocket'], reconnectionDelay: 100, auth: { token } });
    this.socket.on('events', (batch: RealtimeEvent[]) => {
      for (const event of batch) {
        this.events.push(event);
        if (event.type === 'mention.created') this.mentionIds.add(event.payload.id);
      }
    });
  }

  connected(): Promise<boolean> {
    return waitFor('socket connection', () => this.socket.connected, 10_000);
  }

  mentions(): MentionView[] {
    return this.events.flatMap((e) => (e.type === 'mention.created' ? [e.payload] : []));
  }

  close(): void {
    this.socket.close();
  }
}

/** Registers beforeAll/afterAll that run a pipeline with a connected recording client for a describe block. */
export function usePipelineWithClient(options: PipelineOptions): { pipeline: Pipeline; client: () => RecordingClient } {
  const pipeline = new Pipeline(options);
  let client: RecordingClient | undefined;
  beforeAll(async () => {
    await pipeline.start();
    client = new RecordingClient(pipeline.apiUrl, pipeline.accessToken);
    await client.connected();
  });
  afterAll(async () => {
    client?.close();
    await pipeline.stop();
  });
  return {
    pipeline,
    client: () => {
      if (!client) throw new Error('the pipeline has not started');
      return client;
    },
  };
}
