import { createHmac } from 'node:crypto';
import type { MentionView } from '@lp/domain';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

const LEASE_S = 3;

describe('claims: one winner, a lease, and release rules', () => {
  const { pipeline, client } = usePipelineWithClient({ suite: 'claims', env: { CLAIM_LEASE_S: String(LEASE_S) } });

  /** The test owns the signing secret, so it mints tokens for the users it creates instead of signing in 50 times. */
  const tokenFor = (user: { id: string; email: string; role: string }) => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: user.id, email: user.email, role: user.role, iat: now, exp: now + 600 })}`;
    return `${head}.${createHmac('sha256', pipeline.jwtSecret).update(head).digest('base64url')}`;
  };
  const createUser = async (n: number, role = 'agent') => {
    const res = await pipeline.apiFetch('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: `${role}${n}@listening-post.test`,
        name: `${role} ${n}`,
        role,
        password: 'long-enough-password',
      }),
    });
    expect(res.status).toBe(201);
    const user = (await res.json()) as { id: string; email: string; role: string };
    return { ...user, token: tokenFor(user) };
  };
  const claim = (mentionId: string, token: string) =>
    pipeline.apiFetch(`/api/mentions/${mentionId}/claim`, { method: 'POST' }, token);
  const release = (mentionId: string, token: string) =>
    pipeline.apiFetch(`/api/mentions/${mentionId}/release`, { method: 'POST' }, token);
  const newMention = async () => {
    const before = await query<{ id: string }>(TEST_DATABASE_URL, 'SELECT id FROM mentions');
    await pipeline.emit(1);
    return waitFor('a new mention', async () => {
      const rows = await query<{ id: string }>(TEST_DATABASE_URL, 'SELECT id FROM mentions');
      return rows.find((r) => !before.some((b) => b.id === r.id))?.id;
    });
  };

  it('lets exactly one of 50 simultaneous claims by different agents win; the others get 409 naming the holder', async () => {
    const agents = [];
    for (let i = 0; i < 50; i += 10)
      agents.push(...(await Promise.all(Array.from({ length: 10 }, (_, k) => createUser(i + k)))));
    const mentionId = await newMention();

    const responses = await Promise.all(agents.map((a) => claim(mentionId, a.token)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = agents[statuses.indexOf(200)]!;
    const conflicts = (await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json()))) as Array<{
      holder: { userId: string; name: string };
    }>;
    expect(new Set(conflicts.map((c) => c.holder.userId))).toEqual(new Set([winner.id]));
    const [row] = await query<{ claimed_by: string; status: string }>(
      TEST_DATABASE_URL,
      'SELECT claimed_by, status FROM mentions WHERE id = $1',
      [mentionId],
    );
    expect(row).toEqual({ claimed_by: winner.id, status: 'claimed' });

    // Acting on another's claim is a conflict; the holder and a manager may release it.
    const other = agents.find((a) => a.id !== winner.id)!;
    expect((await release(mentionId, other.token)).status).toBe(409);
    const manager = await createUser(1, 'manager');
    expect((await release(mentionId, manager.token)).status).toBe(204);
    expect((await claim(mentionId, other.token)).status).toBe(200);
    expect((await release(mentionId, other.token)).status).toBe(204);
  });

  it('returns a mention to the queue when its lease runs out, and every screen hears of it', async () => {
    const [a, b] = [await createUser(101), await createUser(102)];
    const mentionId = await newMention();
    expect((await claim(mentionId, a.token)).status).toBe(200);
    expect((await claim(mentionId, b.token)).status).toBe(409);
    await waitFor(
      'claim event on the socket',
      () =>
        client().events.some(
          (e) => e.type === 'mention.updated' && e.payload.id === mentionId && e.payload.claim?.userId === a.id,
        ),
      5_000,
    );
    await waitFor(
      'lease expiry event',
      () =>
        client().events.some(
          (e) => e.type === 'mention.updated' && e.payload.id === mentionId && e.payload.claim === null,
        ),
      (LEASE_S + 5) * 1000,
    );
    const view = (await (await pipeline.apiFetch(`/api/mentions?limit=50`)).json()) as { items: MentionView[] };
    expect(view.items.find((m) => m.id === mentionId)).toMatchObject({ status: 'new', claim: null });
    // The audit trail says the clock, not a person, released a's claim.
    const trail = await query<{ actor_id: string | null; details: Record<string, unknown> }>(
      TEST_DATABASE_URL,
      `SELECT actor_id, details FROM audit_log WHERE mention_id = $1 AND action = 'mention.released'`,
      [mentionId],
    );
    expect(trail).toEqual([{ actor_id: null, details: { releasedUserId: a.id, reason: 'lease expired' } }]);
    expect((await claim(mentionId, b.token)).status).toBe(200);
  });

  it('answers 404 for an unknown mention and 400 for a malformed id', async () => {
    const agent = await createUser(201);
    expect((await claim('00000000-0000-4000-8000-000000000000', agent.token)).status).toBe(404);
    expect((await claim('not-a-uuid', agent.token)).status).toBe(400);
  });
});
