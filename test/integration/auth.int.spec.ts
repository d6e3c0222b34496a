import { createHmac } from 'node:crypto';
import { io } from 'socket.io-client';
import { Pipeline } from '../support/pipeline';

/** Routes meant to be public, each for a stated reason. Anything else must refuse an anonymous caller. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health', // probes by load balancers and the launcher; reveals no data
  'GET /api/webhooks/facebook', // Meta's handshake; answers only with the right verify token
  'POST /api/webhooks/facebook', // authenticated by X-Hub-Signature-256 instead
  'POST /api/auth/sign-in',
  'POST /api/auth/refresh', // authenticated by the session cookie
  'POST /api/auth/sign-out',
  'GET /api/incident-links/{id}/{action}', // a confirmation button only; checks the link's HMAC signature first
  'POST /api/incident-links/{id}/{action}', // acknowledge/resolve from a page: authenticated by its HMAC signature and expiry
  'GET /s/{slug}', // a solution's public page: meant for customers and search engines, shows only the published solution
  'POST /s/{slug}/feedback', // customers' worked / did-not-work votes: rate limited, one per visitor, comments escaped
]);

/** An HS256 JWT signed with `secret`, to forge expired or altered tokens. */
function jwt(claims: Record<string, unknown>, secret: string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('sign-in, roles and guarded routes', () => {
  const pipeline = new Pipeline({ suite: 'auth' });
  let agentToken = '';
  beforeAll(async () => {
    await pipeline.start();
    const res = await pipeline.apiFetch('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'agent@listening-post.test',
        name: 'Ada Agent',
        role: 'agent',
        password: 'agent-password-123',
      }),
    });
    expect(res.status).toBe(201);
    agentToken = await pipeline.signIn('agent@listening-post.test', 'agent-password-123');
  });
  afterAll(() => pipeline.stop());

  it('guards every route in the API description unless it is on the public list', async () => {
    const doc = (await (await fetch(`${pipeline.apiUrl}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const { method, path } of routes) {
      const url = `${pipeline.apiUrl}${path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}`;
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      const key = `${method} ${path}`;
      // The guard's refusal, as opposed to a public route's own answer (e.g. refresh without a session).
      const refusedByGuard = res.status === 401 && /sign in first/.test(await res.text());
      expect([key, refusedByGuard]).toEqual([key, !PUBLIC_ROUTES.has(key)]);
    }
  });

  it('enforces roles on the server: an agent reads mentions and sources but cannot manage sources or users', async () => {
    const as = (path: string, init: RequestInit = {}) => pipeline.apiFetch(path, init, agentToken);
    expect((await as('/api/mentions')).status).toBe(200);
    expect((await as('/api/sources')).status).toBe(200);
    expect((await as('/api/auth/me').then((r) => r.json())) as { role: string }).toMatchObject({ role: 'agent' });
    const create = await as('/api/sources', {
      method: 'POST',
      body: JSON.stringify({ platform: 'feed', name: 'n', settings: { url: 'https://e.com/f' } }),
    });
    expect(create.status).toBe(403);
    expect((await as('/api/users')).status).toBe(403);
    expect((await pipeline.apiFetch('/api/users')).status).toBe(200);
  });

  it('refuses wrong passwords, tampered tokens and expired tokens', async () => {
    await expect(pipeline.signIn(pipeline.admin.email, 'not the password at all')).rejects.toThrow('401');
    const [head, body, sig] = agentToken.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const promoted = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${sig}`;
    expect((await pipeline.apiFetch('/api/users', {}, promoted)).status).toBe(401);
    const expired = jwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, pipeline.jwtSecret);
    expect((await pipeline.apiFetch('/api/mentions', {}, expired)).status).toBe(401);
    const foreign = jwt({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 }, 'another secret entirely, 32 chars+');
    expect((await pipeline.apiFetch('/api/mentions', {}, foreign)).status).toBe(401);
  });

  it('rotates the session cookie on refresh and ends the session when an old one is replayed', async () => {
    const signIn = await fetch(`${pipeline.apiUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@listening-post.test', password: 'agent-password-123' }),
    });
    const cookieOf = (res: Response) => /lp_refresh=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const first = cookieOf(signIn);
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(await signIn.text()).not.toContain(first!);
    const refresh = (cookie: string) =>
      fetch(`${pipeline.apiUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie: `lp_refresh=${cookie}` } });
    const rotated = await refresh(first!);
    expect(rotated.status).toBe(200);
    const second = cookieOf(rotated);
    expect(second).not.toBe(first);
    expect((await refresh(first!)).status).toBe(401); // replayed: the family is revoked…
    expect((await refresh(second!)).status).toBe(401); // …including the newest token
  });

  it('rate-limits sign-in attempts', async () => {
    const attempt = () =>
      fetch(`${pipeline.apiUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@listening-post.test', password: 'guess' }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await attempt());
    expect(statuses).toContain(429);
  });

  it('refuses a socket without a valid token and accepts one with it', async () => {
    const connect = (auth: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = io(pipeline.apiUrl, { transports: ['websocket'], reconnection: false, auth });
        socket.on('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.on('connect_error', (error) => {
          socket.close();
          resolve(error.message);
        });
      });
    expect(await connect({})).toBe('unauthorized');
    expect(await connect({ token: 'garbage' })).toBe('unauthorized');
    expect(await connect({ token: agentToken })).toBe('connected');
  });
});
