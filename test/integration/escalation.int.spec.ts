import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditEntryView, ChannelView, DeliveryView, IncidentView, OncallPerson } from '@lp/domain';
import { createUser, type TestUser } from '../support/actors';
import { Pipeline } from '../support/pipeline';
import { waitFor } from '../support/wait';

interface Received {
  path: string;
  body: Record<string, unknown>;
}

/** A real local HTTP receiver that keeps every request's path and JSON body. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('escalation: rules on mentions page once per step; channels are edited in place', () => {
  const pipeline = new Pipeline({ suite: 'escalation' });
  const pages: Array<{ step: number; incident: IncidentView }> = [];
  let server: Server;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let oncall: TestUser;
  let manager: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        pages.push(JSON.parse(raw) as { step: number; incident: IncidentView });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    receiver = await startReceiver();
    await pipeline.start();
    [oncall, manager, agent] = [
      await createUser(pipeline, 1, 'oncall'),
      await createUser(pipeline, 2, 'manager'),
      await createUser(pipeline, 3, 'agent'),
    ];
  });
  afterAll(async () => {
    await pipeline.stop();
    await new Promise((done) => server.close(done));
    await new Promise((done) => receiver?.server.close(done));
  });

  const post = async <T>(path: string, body: unknown, token = manager.token): Promise<T> => {
    const res = await pipeline.apiFetch(path, { method: 'POST', body: JSON.stringify(body) }, token);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const incidents = async () => (await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[];
  const patch = (id: string, body: unknown, token = manager.token) =>
    pipeline.apiFetch(`/api/escalation/channels/${id}`, { method: 'PATCH', body: JSON.stringify(body) }, token);
  const patched = async (id: string, body: unknown): Promise<ChannelView> => {
    const res = await patch(id, body);
    if (res.status !== 200) throw new Error(`PATCH ${id}: ${res.status} ${await res.text()}`);
    return (await res.json()) as ChannelView;
  };
  const fieldsOf = async (res: Response) =>
    ((await res.json()) as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
  const listedChannels = async () => (await pipeline.apiFetch('/api/escalation/channels', {}, agent.token)).text();
  /** What arrived at a path for one incident: webhook pages carry it whole, PagerDuty as the dedup key. */
  const arrived = (path: string, incidentId: string) =>
    receiver.received.filter(
      (r) =>
        r.path === path &&
        ((r.body.incident as IncidentView | undefined)?.id === incidentId ||
          (r.body.dedup_key === incidentId && r.body.event_action === 'trigger')),
    );

  it('groups every mention matching a keyword rule into one incident and pages each step once', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const channel = await post<{ id: string }>('/api/escalation/channels', {
      name: 'hook',
      kind: 'webhook',
      config: { url },
    });
    const rotation = await post<{ id: string }>('/api/oncall/rotations', {
      name: 'Day',
      primaryUserIds: [oncall.id],
      secondaryUserIds: [manager.id],
      shiftS: 3600 * 12,
      startsAt: new Date().toISOString(),
    });
    const policy = await post<{ id: string }>('/api/escalation/policies', {
      name: 'Safety',
      rotationId: rotation.id,
      steps: [
        { target: 'primary', delayS: 0, channelIds: [channel.id] },
        { target: 'secondary', delayS: 6, channelIds: [channel.id] },
      ],
    });
    // Give the sweeper a tick to start its cursor, so only what follows is matched.
    await new Promise((r) => setTimeout(r, 2_500));
    await post('/api/escalation/rules', {
      name: 'Battery safety',
      trigger: { kind: 'keyword', keywords: ['battery swelling'] },
      policyId: policy.id,
    });

    await pipeline.emit(5, undefined, { text: 'my Acme Watch has battery swelling, is it safe?' });
    const incident = await waitFor('a rule incident with 5 mentions', async () =>
      (await incidents()).find((i) => i.trigger === 'rule' && i.mentionCount === 5),
    );
    await waitFor('the primary paged', () => pages.some((p) => p.step === 0));

    await pipeline.emit(3, undefined, { text: 'Battery swelling on my Acme Phone 12 too' });
    await waitFor('the same incident grew', async () =>
      (await incidents()).find((i) => i.id === incident.id && i.mentionCount === 8),
    );
    expect((await incidents()).filter((i) => i.trigger === 'rule')).toHaveLength(1);
    expect(pages.filter((p) => p.step === 0)).toHaveLength(1);

    const resolved = await post<IncidentView>(`/api/incidents/${incident.id}/resolve`, {}, oncall.token);
    expect(resolved.status).toBe('resolved');
    await new Promise((r) => setTimeout(r, 7_000));
    expect(pages.filter((p) => p.step === 1)).toHaveLength(0);
  }, 60_000);
  describe('editing channels in place', () => {
    const FIRST_KEY = 'routing-key-first-7f3a';
    const SECOND_KEY = 'routing-key-second-9c1b';
    let hook: ChannelView;
    let pd: ChannelView;
    let policyId = '';
    let seen = 0;

    /** One matching mention opens a fresh incident on the fan rule's ladder (the last one was resolved). */
    const rattle = async (): Promise<IncidentView> => {
      const before = new Set((await incidents()).map((i) => i.id));
      await pipeline.emit(1, undefined, { text: `the fan rattle is back on my Acme Laptop (${++seen})` });
      return waitFor('a new incident on the fan ladder', async () =>
        (await incidents()).find((i) => !before.has(i.id) && i.policyId === policyId),
      );
    };
    const resolve = async (incident: IncidentView) =>
      expect((await post<IncidentView>(`/api/incidents/${incident.id}/resolve`, {}, oncall.token)).status).toBe(
        'resolved',
      );

    beforeAll(async () => {
      hook = await post<ChannelView>('/api/escalation/channels', {
        name: 'Ops hook',
        kind: 'webhook',
        config: { url: `${receiver.url}/old-hook` },
      });
      pd = await post<ChannelView>('/api/escalation/channels', {
        name: 'PagerDuty',
        kind: 'pagerduty',
        config: { url: `${receiver.url}/old-pd` },
        secret: FIRST_KEY,
      });
      const policy = await post<{ id: string }>('/api/escalation/policies', {
        name: 'Fans',
        rotationId: null,
        steps: [{ target: 'primary', delayS: 0, channelIds: [hook.id, pd.id] }],
      });
      policyId = policy.id;
      await post('/api/escalation/rules', {
        name: 'Fan rattle',
        trigger: { kind: 'keyword', keywords: ['fan rattle'] },
        policyId,
      });
    });

    it('changes name and config in place; an omitted secret is kept, so the next page reaches the new URL with it', async () => {
      const renamed = await patched(hook.id, { name: 'Ops hook (new)', config: { url: `${receiver.url}/new-hook` } });
      expect(renamed).toMatchObject({
        id: hook.id,
        name: 'Ops hook (new)',
        kind: 'webhook',
        enabled: true,
        config: { url: `${receiver.url}/new-hook` },
      });
      const moved = await patched(pd.id, { config: { url: `${receiver.url}/new-pd` } });
      expect(moved).toMatchObject({ name: 'PagerDuty', hasSecret: true, config: { url: `${receiver.url}/new-pd` } });
      expect(JSON.stringify(moved)).not.toContain(FIRST_KEY);

      const listed = await listedChannels();
      expect((JSON.parse(listed) as ChannelView[]).find((c) => c.id === hook.id)).toEqual(renamed);
      expect(listed).not.toContain(FIRST_KEY);

      const incident = await rattle();
      await waitFor('the page at the new webhook URL', () => arrived('/new-hook', incident.id).length > 0);
      const page = await waitFor('the PagerDuty trigger at the new URL', () => arrived('/new-pd', incident.id)[0]);
      // The routing key was never sent again: it is the one sealed at create time.
      expect(page.body.routing_key).toBe(FIRST_KEY);
      expect(receiver.received.filter((r) => r.path === '/old-hook' || r.path === '/old-pd')).toHaveLength(0);
      await resolve(incident);
    }, 60_000);

    it('replaces the secret when one is sent (sealed again, never shown)', async () => {
      const replaced = await patched(pd.id, { secret: SECOND_KEY });
      expect(replaced.hasSecret).toBe(true);
      expect(JSON.stringify(replaced)).not.toContain(SECOND_KEY);
      const listed = await listedChannels();
      expect(listed).not.toContain(SECOND_KEY);
      expect(listed).not.toContain(FIRST_KEY);

      const incident = await rattle();
      const page = await waitFor('the PagerDuty trigger', () => arrived('/new-pd', incident.id)[0]);
      expect(page.body.routing_key).toBe(SECOND_KEY);
      await resolve(incident);

      // An SMTP password (unlike a routing key) may be removed, for a relay that takes no login.
      const mail = await post<ChannelView>('/api/escalation/channels', {
        name: 'Relay',
        kind: 'email',
        config: { host: '127.0.0.1', port: 2525, from: 'oncall@listening-post.test', user: 'bot' },
        secret: 'smtp-password-3d9e',
      });
      expect(mail.hasSecret).toBe(true);
      expect((await patched(mail.id, { name: 'Relay (renamed)' })).hasSecret).toBe(true);
      expect((await patched(mail.id, { secret: null })).hasSecret).toBe(false);
    }, 60_000);

    it('keeps a channel switched off in its ladder but does not page it', async () => {
      expect((await patched(hook.id, { enabled: false })).enabled).toBe(false);
      expect(
        (
          (await (await pipeline.apiFetch('/api/escalation/policies')).json()) as Array<{
            id: string;
            steps: Array<{ channelIds: string[] }>;
          }>
        ).find((p) => p.id === policyId)?.steps[0]?.channelIds,
      ).toContain(hook.id);

      const incident = await rattle();
      await waitFor('the PagerDuty trigger', () => arrived('/new-pd', incident.id)[0]);
      const detail = (await (await pipeline.apiFetch(`/api/incidents/${incident.id}`)).json()) as {
        deliveries: DeliveryView[];
      };
      expect(detail.deliveries.map((d) => d.channelId)).toEqual([pd.id]);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(arrived('/new-hook', incident.id)).toHaveLength(0);
      await resolve(incident);
      expect((await patched(hook.id, { enabled: true })).enabled).toBe(true);
    }, 60_000);

    it('checks an edit as a create is checked (400 naming the field), 404s an unknown channel, 403s other roles', async () => {
      const badUrl = await patch(hook.id, { config: { url: 'ftp://files.example/x' } });
      expect(badUrl.status).toBe(400);
      expect(await fieldsOf(badUrl)).toEqual(['config.url']);
      const credentials = await patch(hook.id, { config: { url: 'https://user:pw@hooks.example/' } });
      expect(credentials.status).toBe(400);
      expect(await fieldsOf(credentials)).toEqual(['config.url']);
      const emptyName = await patch(hook.id, { name: '' });
      expect(emptyName.status).toBe(400);
      expect(await fieldsOf(emptyName)).toEqual(['name']);
      const kind = await patch(hook.id, { kind: 'slack' });
      expect(kind.status).toBe(400);
      expect(await fieldsOf(kind)).toEqual(['kind']);
      const noKey = await patch(pd.id, { secret: null });
      expect(noKey.status).toBe(400);
      expect(await fieldsOf(noKey)).toEqual(['secret']);
      const emptySecret = await patch(pd.id, { secret: '' });
      expect(emptySecret.status).toBe(400);
      expect(await fieldsOf(emptySecret)).toEqual(['secret']);

      expect((await patch('6f1c2f0e-5d2b-4c1e-9a37-3f0d1b2c4e5a', { name: 'x' })).status).toBe(404);
      expect((await patch(hook.id, { name: 'by an agent' }, agent.token)).status).toBe(403);
      expect((await patch(hook.id, { name: 'by on-call' }, oncall.token)).status).toBe(403);

      // Nothing refused changed anything.
      const after = (JSON.parse(await listedChannels()) as ChannelView[]).find((c) => c.id === hook.id);
      expect(after).toMatchObject({ name: 'Ops hook (new)', config: { url: `${receiver.url}/new-hook` } });
    });

    it('audits each edit with who, what changed and what happened to the secret, never the secret', async () => {
      const res = await pipeline.apiFetch('/api/audit?action=settings.changed&limit=100', {}, manager.token);
      expect(res.status).toBe(200);
      const raw = await res.text();
      expect(raw).not.toContain(FIRST_KEY);
      expect(raw).not.toContain(SECOND_KEY);
      const entries = (JSON.parse(raw) as { items: AuditEntryView[] }).items.filter(
        (e) => e.subject === `channel:${pd.id}` && e.details.event === 'channel.updated',
      );
      // Newest first: the new key, then the move to the new URL; the refused edits left no entry.
      expect(entries.map((e) => e.details)).toEqual([
        expect.objectContaining({ changed: ['secret'], secret: 'replaced' }),
        expect.objectContaining({ changed: ['config.url'], secret: 'kept' }),
      ]);
      expect(entries.every((e) => e.actorId === manager.id)).toBe(true);
      const renamed = (JSON.parse(raw) as { items: AuditEntryView[] }).items.find(
        (e) => e.subject === `channel:${hook.id}` && (e.details.changed as string[] | undefined)?.includes('name'),
      );
      expect(renamed?.details).toMatchObject({ from: { name: 'Ops hook' }, to: { name: 'Ops hook (new)' } });
    });

    it('lets rotation editors read people as id, name and role only; agents and on-call get 403', async () => {
      const res = await pipeline.apiFetch('/api/oncall/people', {}, manager.token);
      expect(res.status).toBe(200);
      const people = (await res.json()) as OncallPerson[];
      expect(people).toContainEqual({ id: oncall.id, name: oncall.name, role: 'oncall' });
      expect(people.every((p) => Object.keys(p).sort().join() === 'id,name,role')).toBe(true);
      expect((await pipeline.apiFetch('/api/oncall/people', {}, agent.token)).status).toBe(403);
      expect((await pipeline.apiFetch('/api/oncall/people', {}, oncall.token)).status).toBe(403);
    });
  });
});
