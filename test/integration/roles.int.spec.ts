import { ROLES, type Role } from '@lp/domain';
import { createUser, newMention, type TestUser } from '../support/actors';
import { usePipelineWithClient } from '../support/pipeline';

type Outcome = 'allowed' | 'forbidden';

/**
 * Each action, who may do it, and how to do it properly (so "allowed" means it worked, 2xx, not
 * merely "was not refused"). Everything is checked on the server with each role's own token.
 */
interface Action {
  name: string;
  allowed: readonly Role[] | 'all';
  run: (user: TestUser) => Promise<Response>;
}

describe('role matrix: every role against every action', () => {
  const { pipeline } = usePipelineWithClient({ suite: 'roles' });
  const users = new Map<Role, TestUser>();
  let keys = 0;

  beforeAll(async () => {
    for (const role of ROLES) users.set(role, await createUser(pipeline, 'matrix', role));
  });

  const as = (user: TestUser, path: string, init: RequestInit = {}) => pipeline.apiFetch(path, init, user.token);
  const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
  /** A mention this user holds, so a reply from them is a proper request. */
  const heldBy = async (user: TestUser) => {
    const id = await newMention(pipeline);
    const res = await as(user, `/api/mentions/${id}/claim`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`claim as ${user.role}: ${res.status}`);
    return id;
  };
  /** A volunteer's draft waiting for approval. */
  const draft = async () => {
    const volunteer = users.get('volunteer')!;
    const id = await heldBy(volunteer);
    const res = await as(volunteer, `/api/mentions/${id}/replies`, {
      ...json('POST', { text: 'Have you tried turning it off and on?' }),
      headers: { 'idempotency-key': `matrix-draft-${++keys}` },
    });
    return ((await res.json()) as { id: string }).id;
  };

  const actions: Action[] = [
    { name: 'list mentions', allowed: 'all', run: (u) => as(u, '/api/mentions?limit=5') },
    {
      name: 'claim a mention',
      allowed: 'all',
      run: async (u) => as(u, `/api/mentions/${await newMention(pipeline)}/claim`, { method: 'POST' }),
    },
    {
      name: 'reply to a held mention',
      allowed: 'all',
      run: async (u) =>
        as(u, `/api/mentions/${await heldBy(u)}/replies`, {
          ...json('POST', { text: `Sorry about that, ${u.role} here.` }),
          headers: { 'idempotency-key': `matrix-reply-${++keys}` },
        }),
    },
    {
      name: "approve a volunteer's reply",
      allowed: ['agent', 'manager', 'oncall', 'admin'],
      run: async (u) => as(u, `/api/replies/${await draft()}/approve`, { method: 'POST' }),
    },
    {
      name: 'resolve a held mention',
      allowed: ['agent', 'manager', 'oncall', 'admin'],
      run: async (u) => as(u, `/api/mentions/${await heldBy(u)}/status`, json('PATCH', { status: 'resolved' })),
    },
    {
      name: 'reassign a mention',
      allowed: ['manager', 'admin'],
      run: async (u) =>
        as(u, `/api/mentions/${await newMention(pipeline)}/assign`, json('POST', { userId: users.get('agent')!.id })),
    },
    {
      name: 'write a canned response',
      allowed: ['manager', 'admin'],
      run: (u) => as(u, '/api/canned-responses', json('POST', { name: `by ${u.role} ${++keys}`, body: 'Hi!' })),
    },
    { name: 'read the audit log', allowed: ['manager', 'admin'], run: (u) => as(u, '/api/audit?limit=5') },
    {
      name: 'edit SLA targets',
      allowed: ['manager', 'admin'],
      run: (u) =>
        as(
          u,
          '/api/settings/sla',
          json('PUT', { firstResponseTargetsS: { critical: 900, high: 3_600, normal: 14_400, low: 86_400 } }),
        ),
    },
    {
      name: 'create a source',
      allowed: ['admin'],
      run: (u) =>
        as(
          u,
          '/api/sources',
          json('POST', { platform: 'feed', name: `feed ${++keys}`, settings: { url: 'https://example.com/feed.xml' } }),
        ),
    },
    {
      name: 'create a user',
      allowed: ['admin'],
      run: (u) =>
        as(
          u,
          '/api/users',
          json('POST', {
            email: `made${++keys}@listening-post.test`,
            name: 'Made',
            role: 'agent',
            password: 'long-enough-password',
          }),
        ),
    },
  ];

  it.each(actions.map((a) => [a.name, a] as const))('%s', async (_name, action) => {
    const seen: Record<string, Outcome | number> = {};
    const expected: Record<string, Outcome> = {};
    for (const role of ROLES) {
      const res = await action.run(users.get(role)!);
      seen[role] = res.status === 403 ? 'forbidden' : res.status >= 200 && res.status < 300 ? 'allowed' : res.status;
      expected[role] = action.allowed === 'all' || action.allowed.includes(role) ? 'allowed' : 'forbidden';
    }
    expect(seen).toEqual(expected);
  });
});
