import { createHmac } from 'node:crypto';
import type { Role } from '@lp/domain';
import type { Pipeline } from './pipeline';
import { query, TEST_DATABASE_URL } from './services';
import { waitFor } from './wait';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  token: string;
}

/** The test owns the signing secret, so it mints tokens for the users it creates instead of signing in many times. */
export function tokenFor(pipeline: Pipeline, user: { id: string; email: string; role: string }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: user.id, email: user.email, role: user.role, iat: now, exp: now + 600 })}`;
  return `${head}.${createHmac('sha256', pipeline.jwtSecret).update(head).digest('base64url')}`;
}

/** A user made through the admin API, with a token of their own. `label` keeps emails unique within a suite. */
export async function createUser(pipeline: Pipeline, label: string | number, role: Role = 'agent'): Promise<TestUser> {
  const res = await pipeline.apiFetch('/api/users', {
    method: 'POST',
    body: JSON.stringify({
      email: `${role}${label}@listening-post.test`,
      name: `${role} ${label}`,
      role,
      password: 'long-enough-password',
    }),
  });
  if (res.status !== 201) throw new Error(`creating ${role} ${label} failed: ${res.status} ${await res.text()}`);
  const user = (await res.json()) as Omit<TestUser, 'token'>;
  return { ...user, token: tokenFor(pipeline, user) };
}

/** Has the simulator post one mention and returns its id once it is stored. */
export async function newMention(
  pipeline: Pipeline,
  script: { text?: string; authorName?: string } = {},
): Promise<string> {
  const before = new Set((await query<{ id: string }>(TEST_DATABASE_URL, 'SELECT id FROM mentions')).map((r) => r.id));
  await pipeline.emit(1, undefined, script);
  return waitFor('a new mention', async () => {
    const rows = await query<{ id: string }>(TEST_DATABASE_URL, 'SELECT id FROM mentions');
    return rows.find((r) => !before.has(r.id))?.id;
  });
}

/** Early-warning thresholds small enough for the simulator's six-second outage to be a spike within seconds. */
export const FAST_EARLY_WARNING = {
  enabled: true,
  baselineMinutes: 10,
  zThreshold: 3,
  minCount: 20,
};
