import { DEFAULT_SLA_TARGETS_S, type AuditEntryView, type MentionView, type Role } from '@lp/domain';
import { createUser as createTestUser, newMention as newTestMention, type TestUser } from '../support/actors';
import type { AppProcess } from '../support/app-process';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

interface FieldErrors {
  fields?: Array<{ field: string; messages: string[] }>;
  field?: string;
}

describe('mention workflow: status, tags, notes, reassignment, audit trail and SLAs', () => {
  const { pipeline, client } = usePipelineWithClient({ suite: 'workflow' });

  let users = 0;
  const createUser = (role: Role): Promise<TestUser> => createTestUser(pipeline, (users += 1), role);
  const call = (token: string, method: string, path: string, body?: unknown) =>
    pipeline.apiFetch(path, { method, body: body === undefined ? undefined : JSON.stringify(body) }, token);
  const setStatus = (token: string, id: string, status: string) =>
    call(token, 'PATCH', `/api/mentions/${id}/status`, { status });
  const claim = (token: string, id: string) => call(token, 'POST', `/api/mentions/${id}/claim`);
  const newMention = () => newTestMention(pipeline);
  const fieldsOf = async (res: Response) => ((await res.json()) as FieldErrors).fields?.map((f) => f.field) ?? [];
  const updatedOnSocket = (id: string, check: (view: MentionView) => boolean) =>
    waitFor(`mention.updated for ${id}`, () =>
      client().events.some((e) => e.type === 'mention.updated' && e.payload.id === id && check(e.payload)),
    );
  const auditOf = async (token: string, params: string) => {
    const res = await call(token, 'GET', `/api/audit?${params}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { items: AuditEntryView[]; nextBeforeId: number | null };
  };
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  let agentA: TestUser;
  let agentB: TestUser;
  let manager: TestUser;
  let volunteer: TestUser;
  beforeAll(async () => {
    [agentA, agentB, manager, volunteer] = [
      await createUser('agent'),
      await createUser('agent'),
      await createUser('manager'),
      await createUser('volunteer'),
    ];
  });

  it('gives every mention a due time from its level’s default target, no tags and no first response', async () => {
    const id = await newMention();
    const view = (await (await call(agentA.token, 'GET', '/api/mentions?limit=50')).json()) as { items: MentionView[] };
    const mention = view.items.find((m) => m.id === id)!;
    expect(mention).toMatchObject({ tags: [], firstResponseAt: null, sla: { breached: false } });
    const targetMs = Date.parse(mention.sla!.dueAt) - Date.parse(mention.postedAt);
    expect(targetMs).toBe(DEFAULT_SLA_TARGETS_S[mention.urgencyLevel] * 1000);
  });

  it('lets the holder resolve (ending the claim), refuses others with 409, lets a manager close anyone’s and anyone reopen', async () => {
    const id = await newMention();
    expect((await claim(agentA.token, id)).status).toBe(200);

    const conflict = await setStatus(agentB.token, id, 'resolved');
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { holder: { userId: string } }).holder.userId).toBe(agentA.id);

    const resolved = await setStatus(agentA.token, id, 'resolved');
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ id, status: 'resolved', claim: null });
    const [row] = await query<{ claimed_by: string | null; status: string }>(
      TEST_DATABASE_URL,
      'SELECT claimed_by, status FROM mentions WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ claimed_by: null, status: 'resolved' });
    await updatedOnSocket(id, (v) => v.status === 'resolved' && v.claim === null);

    // A closed mention cannot be claimed; reopened, it can, and a manager may then ignore it from under its holder.
    expect((await claim(agentB.token, id)).status).toBe(409);
    expect(await (await setStatus(agentB.token, id, 'new')).json()).toMatchObject({ status: 'new' });
    expect((await claim(agentB.token, id)).status).toBe(200);
    const ignored = await setStatus(manager.token, id, 'ignored');
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toMatchObject({ status: 'ignored', claim: null });
    await updatedOnSocket(id, (v) => v.status === 'ignored');

    // Closed, it has left the queue, but a link to it still opens it.
    const one = await call(agentB.token, 'GET', `/api/mentions/${id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id, status: 'ignored' });
    expect((await call(agentB.token, 'GET', `/api/mentions/${UNKNOWN}`)).status).toBe(404);
    expect((await call(agentB.token, 'GET', '/api/mentions/not-a-uuid')).status).toBe(400);
    expect((await fetch(`${pipeline.apiUrl}/api/mentions/${id}`)).status).toBe(401);
  });

  it('answers 400 naming the field for bad bodies and ids, and 404 for unknown mentions', async () => {
    const id = await newMention();
    const claimed = await setStatus(agentA.token, id, 'claimed');
    expect(claimed.status).toBe(400);
    expect(await fieldsOf(claimed)).toEqual(['status']);
    const extra = await call(agentA.token, 'PATCH', `/api/mentions/${id}/status`, { status: 'resolved', by: 'me' });
    expect(extra.status).toBe(400);
    expect(await fieldsOf(extra)).toEqual(['by']);
    expect((await setStatus(agentA.token, 'not-a-uuid', 'resolved')).status).toBe(400);
    expect((await setStatus(agentA.token, UNKNOWN, 'resolved')).status).toBe(404);
    expect((await call(agentA.token, 'PUT', `/api/mentions/${UNKNOWN}/tags`, { tags: ['x'] })).status).toBe(404);
    expect((await call(manager.token, 'POST', `/api/mentions/${UNKNOWN}/assign`, { userId: agentA.id })).status).toBe(
      404,
    );
    const [row] = await query<{ status: string }>(TEST_DATABASE_URL, 'SELECT status FROM mentions WHERE id = $1', [id]);
    expect(row?.status).toBe('new');
  });

  it('enforces roles: volunteers cannot close mentions, agents cannot read the audit, reassign or edit SLA targets', async () => {
    const id = await newMention();
    expect((await setStatus(volunteer.token, id, 'resolved')).status).toBe(403);
    expect((await setStatus(volunteer.token, id, 'ignored')).status).toBe(403);
    expect((await call(agentA.token, 'GET', '/api/audit')).status).toBe(403);
    expect((await call(volunteer.token, 'GET', '/api/audit')).status).toBe(403);
    expect((await call(agentA.token, 'POST', `/api/mentions/${id}/assign`, { userId: agentA.id })).status).toBe(403);
    const sla = { firstResponseTargetsS: { critical: 60, high: 60, normal: 60, low: 60 } };
    expect((await call(agentA.token, 'PUT', '/api/settings/sla', sla)).status).toBe(403);
    expect((await call(agentA.token, 'GET', '/api/settings/sla')).status).toBe(200);
    expect((await call(manager.token, 'GET', '/api/audit')).status).toBe(200);
    const [row] = await query<{ status: string }>(TEST_DATABASE_URL, 'SELECT status FROM mentions WHERE id = $1', [id]);
    expect(row?.status).toBe('new');
  });

  it('normalises tags to lower case, bounds their number and length, and tells the screens', async () => {
    const id = await newMention();
    const res = await call(agentA.token, 'PUT', `/api/mentions/${id}/tags`, {
      tags: ['  Billing', 'Router   Outage', 'billing'],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as MentionView).tags).toEqual(['billing', 'router-outage']);
    await updatedOnSocket(id, (v) => v.tags.join() === 'billing,router-outage');

    for (const tags of [Array.from({ length: 21 }, (_, i) => `t${i}`), ['x'.repeat(41)], ['!!!'], [42], 'billing']) {
      const bad = await call(agentA.token, 'PUT', `/api/mentions/${id}/tags`, { tags });
      expect([JSON.stringify(tags).slice(0, 30), bad.status]).toEqual([JSON.stringify(tags).slice(0, 30), 400]);
      expect(await fieldsOf(bad)).toContain('tags');
    }
    const [row] = await query<{ tags: string[] }>(TEST_DATABASE_URL, 'SELECT tags FROM mentions WHERE id = $1', [id]);
    expect(row?.tags).toEqual(['billing', 'router-outage']);
  });

  it('keeps internal notes, oldest first, with their authors', async () => {
    const id = await newMention();
    const first = await call(agentA.token, 'POST', `/api/mentions/${id}/notes`, { body: 'Customer on firmware 2.1' });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ mentionId: id, authorId: agentA.id, authorName: agentA.name });
    expect((await call(agentB.token, 'POST', `/api/mentions/${id}/notes`, { body: 'Known issue #123' })).status).toBe(
      201,
    );
    const list = (await (await call(volunteer.token, 'GET', `/api/mentions/${id}/notes`)).json()) as {
      items: Array<{ body: string; authorName: string }>;
    };
    expect(list.items.map((n) => [n.body, n.authorName])).toEqual([
      ['Customer on firmware 2.1', agentA.name],
      ['Known issue #123', agentB.name],
    ]);

    const blank = await call(agentA.token, 'POST', `/api/mentions/${id}/notes`, { body: '   ' });
    expect(blank.status).toBe(400);
    expect(await fieldsOf(blank)).toEqual(['body']);
    expect((await call(agentA.token, 'POST', `/api/mentions/${id}/notes`, { body: 'x'.repeat(4001) })).status).toBe(
      400,
    );
    expect((await call(agentA.token, 'POST', `/api/mentions/${UNKNOWN}/notes`, { body: 'hello' })).status).toBe(404);
    expect((await call(agentA.token, 'GET', `/api/mentions/${UNKNOWN}/notes`)).status).toBe(404);
  });

  it('lets a manager hand a claimed mention to another agent with a fresh lease', async () => {
    const id = await newMention();
    expect((await claim(agentA.token, id)).status).toBe(200);
    const res = await call(manager.token, 'POST', `/api/mentions/${id}/assign`, { userId: agentB.id });
    expect(res.status).toBe(200);
    const view = (await res.json()) as MentionView;
    expect(view).toMatchObject({ status: 'claimed', claim: { userId: agentB.id, name: agentB.name } });
    expect(Date.parse(view.claim!.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
    await updatedOnSocket(id, (v) => v.claim?.userId === agentB.id);

    // The claim is really B's now: A is refused, B may close it.
    expect((await setStatus(agentA.token, id, 'resolved')).status).toBe(409);
    expect((await setStatus(agentB.token, id, 'resolved')).status).toBe(200);

    expect((await call(manager.token, 'POST', `/api/mentions/${id}/assign`, { userId: UNKNOWN })).status).toBe(404);
    const bad = await call(manager.token, 'POST', `/api/mentions/${id}/assign`, { userId: 'someone' });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['userId']);
    // Resolved: it must be reopened before anyone is given it.
    expect((await call(manager.token, 'POST', `/api/mentions/${id}/assign`, { userId: agentA.id })).status).toBe(409);
  });

  it('records who did what and when, and lets a manager filter and page through it', async () => {
    const started = new Date(Date.now() - 1000);
    const id = await newMention();
    expect((await claim(agentA.token, id)).status).toBe(200);
    expect((await claim(agentA.token, id)).status).toBe(200); // a renewal: not a new entry
    expect((await call(manager.token, 'POST', `/api/mentions/${id}/release`)).status).toBe(204);
    expect((await claim(agentB.token, id)).status).toBe(200);
    expect((await call(manager.token, 'POST', `/api/mentions/${id}/assign`, { userId: agentA.id })).status).toBe(200);
    expect((await call(agentA.token, 'PUT', `/api/mentions/${id}/tags`, { tags: ['Refund'] })).status).toBe(200);
    expect((await call(agentA.token, 'POST', `/api/mentions/${id}/notes`, { body: 'refund issued' })).status).toBe(201);
    expect((await setStatus(agentA.token, id, 'resolved')).status).toBe(200);
    expect((await setStatus(agentA.token, id, 'resolved')).status).toBe(200); // no change: not a new entry

    const { items } = await auditOf(manager.token, `mentionId=${id}`);
    const trail = items
      .slice()
      .reverse()
      .map((e) => [e.action, e.actorName]);
    expect(trail).toEqual([
      ['mention.claimed', agentA.name],
      ['mention.released', manager.name],
      ['mention.claimed', agentB.name],
      ['mention.reassigned', manager.name],
      ['mention.tags_changed', agentA.name],
      ['mention.note_added', agentA.name],
      ['mention.status_changed', agentA.name],
    ]);
    for (const entry of items) {
      expect(entry.mentionId).toBe(id);
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started.getTime());
      expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now());
    }
    const byAction = Object.fromEntries(items.map((e) => [e.action, e]));
    expect(byAction['mention.released']?.details).toEqual({ releasedUserId: agentA.id });
    expect(byAction['mention.reassigned']).toMatchObject({
      subject: agentA.id,
      details: { fromUserId: agentB.id, toUserId: agentA.id },
    });
    expect(byAction['mention.tags_changed']?.details).toEqual({ added: ['refund'], removed: [], tags: ['refund'] });
    expect(byAction['mention.status_changed']?.details).toEqual({
      from: 'claimed',
      to: 'resolved',
      releasedUserId: agentA.id,
    });
    // Note bodies stay out of the trail.
    expect(JSON.stringify(items)).not.toContain('refund issued');

    const released = await auditOf(manager.token, `actorId=${manager.id}&action=mention.released`);
    expect(released.items.length).toBeGreaterThanOrEqual(1);
    expect(released.items.every((e) => e.actorId === manager.id && e.action === 'mention.released')).toBe(true);

    const page1 = await auditOf(manager.token, `mentionId=${id}&limit=3`);
    expect(page1.items).toHaveLength(3);
    const page2 = await auditOf(manager.token, `mentionId=${id}&limit=3&beforeId=${page1.nextBeforeId}`);
    expect(page2.items.map((e) => e.id)).toEqual(items.slice(3, 6).map((e) => e.id));
    expect((await auditOf(manager.token, `mentionId=${id}&until=${started.toISOString()}`)).items).toEqual([]);

    for (const [params, field] of [
      ['action=mention.exploded', 'action'],
      ['since=yesterday', 'since'],
      ['limit=0', 'limit'],
      ['actorId=42', 'actorId'],
    ] as const) {
      const bad = await call(manager.token, 'GET', `/api/audit?${params}`);
      expect([params, bad.status]).toEqual([params, 400]);
      expect(await fieldsOf(bad)).toEqual([field]);
    }
  });

  describe('first-response SLA', () => {
    let secondWorker: AppProcess | undefined;
    afterAll(() => secondWorker?.stop());

    it('validates and audits target edits, applies them to waiting mentions, and reports each breach exactly once', async () => {
      const current = await call(agentA.token, 'GET', '/api/settings/sla');
      expect(await current.json()).toMatchObject({ firstResponseTargetsS: DEFAULT_SLA_TARGETS_S, version: 0 });
      for (const [body, field] of [
        [{ firstResponseTargetsS: { critical: 0, high: 1, normal: 1, low: 1 } }, 'firstResponseTargetsS.critical'],
        [{ firstResponseTargetsS: { critical: 1, high: 1, normal: 1 } }, 'firstResponseTargetsS.low'],
        [{ firstResponseTargetsS: { critical: 1.5, high: 1, normal: 1, low: 1 } }, 'firstResponseTargetsS.critical'],
        [{}, 'firstResponseTargetsS'],
      ] as const) {
        const bad = await call(manager.token, 'PUT', '/api/settings/sla', body);
        expect([field, bad.status]).toEqual([field, 400]);
        expect(await fieldsOf(bad)).toContain(field);
      }

      // Waiting before the edit, with a default target far away; and one already closed.
      const waiting = await newMention();
      const closed = await newMention();
      expect((await setStatus(agentA.token, closed, 'resolved')).status).toBe(200);
      // A second worker sweeps too: each breach must still be reported once.
      secondWorker = pipeline.newWorker().start();
      await waitFor('second worker', () => secondWorker!.logged(/ingest worker running/).length > 0, 20_000);

      const targets = { critical: 2, high: 2, normal: 2, low: 2 };
      const put = await call(manager.token, 'PUT', '/api/settings/sla', { firstResponseTargetsS: targets });
      expect(put.status).toBe(200);
      expect(await put.json()).toMatchObject({ firstResponseTargetsS: targets, version: 1, updatedBy: manager.id });
      const again = await call(manager.token, 'PUT', '/api/settings/sla', { firstResponseTargetsS: targets });
      expect(await again.json()).toMatchObject({ version: 1 });
      const late = await newMention();

      const breachesOf = (id: string): MentionView[] =>
        client().events.flatMap((e) => (e.type === 'mention.sla_breached' && e.payload.id === id ? [e.payload] : []));
      await waitFor('breach of the mention ingested after the edit', () => breachesOf(late).length > 0, 15_000);
      await waitFor(
        'breach of the mention waiting since before the edit',
        () => breachesOf(waiting).length > 0,
        15_000,
      );
      // Several sweeps of two workers later, still one event each, and none for the closed mention.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(breachesOf(late)).toHaveLength(1);
      expect(breachesOf(waiting)).toHaveLength(1);
      expect(breachesOf(closed)).toHaveLength(0);
      expect(breachesOf(late)[0]!.sla).toMatchObject({ breached: true });
      await updatedOnSocket(late, (v) => v.sla?.breached === true);
      const rows = await query<{ id: string; breached: boolean }>(
        TEST_DATABASE_URL,
        'SELECT id, sla_breached_at IS NOT NULL AS breached FROM mentions WHERE id = ANY($1::uuid[])',
        [[late, waiting, closed]],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, r.breached]))).toEqual({
        [late]: true,
        [waiting]: true,
        [closed]: false,
      });

      const summary = (await (await call(agentA.token, 'GET', '/api/sla/summary')).json()) as {
        open: { total: number };
        breaching: { total: number };
        breaches: { total: number };
        oldestWaiting: { mentionId: string; waitingS: number } | null;
        targetsS: Record<string, number>;
      };
      expect(summary.breaches.total).toBeGreaterThanOrEqual(2);
      expect(summary.breaching.total).toBeGreaterThanOrEqual(2);
      expect(summary.open.total).toBeGreaterThanOrEqual(summary.breaching.total);
      expect(summary.oldestWaiting).not.toBeNull();
      expect(summary.targetsS).toEqual(targets);
      const badRange = await call(
        agentA.token,
        'GET',
        '/api/sla/summary?since=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z',
      );
      expect(badRange.status).toBe(400);
      expect(((await badRange.json()) as FieldErrors).field).toBe('since');

      const settingsTrail = await auditOf(manager.token, 'action=settings.changed');
      expect(settingsTrail.items).toHaveLength(1);
      expect(settingsTrail.items[0]).toMatchObject({
        actorId: manager.id,
        subject: 'sla',
        details: { from: DEFAULT_SLA_TARGETS_S, to: targets, version: 1 },
      });
    });
  });
});
