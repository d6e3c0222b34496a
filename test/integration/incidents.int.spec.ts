import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  DEFAULT_EARLY_WARNING,
  type DeliveryView,
  type EarlyWarningSettings,
  type IncidentView,
  type OnCallNow,
} from '@lp/domain';
import { createUser, FAST_EARLY_WARNING, type TestUser } from '../support/actors';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

interface Received {
  path: string;
  body: Record<string, unknown>;
  at: number;
}

/** A real HTTP receiver for webhook, Slack and PagerDuty pages; `/fail` always answers 500. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; failures: number[] }> {
  const received: Received[] = [];
  const failures: number[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      if (req.url === '/fail') {
        failures.push(Date.now());
        res.writeHead(500).end('down');
        return;
      }
      received.push({ path: req.url ?? '', body: JSON.parse(raw) as Record<string, unknown>, at: Date.now() });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, failures };
}

/** A real local SMTP server that keeps each message's envelope and text. */
async function startSmtp(): Promise<{
  server: SMTPServer;
  port: number;
  mails: Array<{ to: string[]; raw: string }>;
  logins: string[];
}> {
  const mails: Array<{ to: string[]; raw: string }> = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make for a test.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      // The password is the sealed channel secret, opened by the worker just for this login.
      if (auth.password !== 'smtp-password-secret-456') return callback(new Error('bad password'));
      logins.push(auth.username ?? '');
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (raw += c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.server.address() as AddressInfo).port, mails, logins };
}

describe('early warning and escalation: one incident per outage, a ladder that survives a restart, signed links', () => {
  const linkSecret = randomBytes(32).toString('base64url');
  const { pipeline, client } = usePipelineWithClient({
    suite: 'incidents',
    env: { ESCALATION_LINK_SECRET: linkSecret, NOTIFY_ATTEMPTS: '3', NOTIFY_BACKOFF_MS: '300' },
    workerEnv: { QUEUE_LOCK_DURATION_MS: '2000' },
  });
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let primary: TestUser;
  let secondary: TestUser;
  let manager: TestUser;
  let agent: TestUser;
  let incidentId = '';
  const channelIds: Record<string, string> = {};

  beforeAll(async () => {
    receiver = await startReceiver();
    smtp = await startSmtp();
    [primary, secondary, manager, agent] = [
      await createUser(pipeline, 1, 'oncall'),
      await createUser(pipeline, 2, 'oncall'),
      await createUser(pipeline, 3, 'manager'),
      await createUser(pipeline, 4, 'agent'),
    ];
  });
  afterAll(async () => {
    await new Promise((done) => receiver?.server.close(done));
    await new Promise((done) => smtp?.server.close(() => done(undefined)));
  });

  const post = (path: string, body: unknown, token = manager.token) =>
    pipeline.apiFetch(path, { method: 'POST', body: JSON.stringify(body) }, token);
  const put = (path: string, body: unknown, token = manager.token) =>
    pipeline.apiFetch(path, { method: 'PUT', body: JSON.stringify(body) }, token);
  const created = async <T>(res: Promise<Response>): Promise<T> => {
    const r = await res;
    if (r.status !== 201 && r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const hooks = (step: number) =>
    receiver.received.filter((r) => r.path === '/hook' && (r.body as { step: number }).step === step);
  const detail = async () =>
    (await (await pipeline.apiFetch(`/api/incidents/${incidentId}`)).json()) as {
      incident: IncidentView;
      deliveries: DeliveryView[];
      timeline: Array<{ kind: string }>;
      mentionIds: string[];
    };

  it('refuses agents (403) and bad input (400 naming the field) when editing escalation', async () => {
    expect((await post('/api/escalation/rules', { name: 'x' }, agent.token)).status).toBe(403);
    expect((await post('/api/oncall/rotations', { name: 'x' }, agent.token)).status).toBe(403);
    expect((await put('/api/settings/early-warning', {}, agent.token)).status).toBe(403);
    expect(
      (await post('/api/escalation/channels', { name: 'c', kind: 'webhook', config: {} }, agent.token)).status,
    ).toBe(403);

    const badUrl = await post('/api/escalation/channels', { name: 'c', kind: 'webhook', config: { url: 'ftp://x' } });
    expect(badUrl.status).toBe(400);
    expect(((await badUrl.json()) as { fields: Array<{ field: string }> }).fields[0]!.field).toBe('config.url');

    const badRule = await post('/api/escalation/rules', {
      name: 'r',
      trigger: { kind: 'bogus' },
      policyId: 'not-a-uuid',
    });
    expect(badRule.status).toBe(400);
    const fields = ((await badRule.json()) as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['trigger.kind', 'policyId']));

    const badSettings = await put('/api/settings/early-warning', { enabled: true, zThreshold: 0 });
    expect(badSettings.status).toBe(400);
    expect(JSON.stringify(await badSettings.json())).toContain('zThreshold');

    const badRotation = await post('/api/oncall/rotations', {
      name: 'r',
      primaryUserIds: ['nope'],
      secondaryUserIds: [],
      shiftS: 10,
      startsAt: 'yesterday',
    });
    expect(badRotation.status).toBe(400);
    const rotationFields = ((await badRotation.json()) as { fields: Array<{ field: string }> }).fields.map(
      (f) => f.field,
    );
    expect(rotationFields).toEqual(expect.arrayContaining(['primaryUserIds', 'shiftS', 'startsAt']));
  });

  it('round-trips the product catalogue, brand and history settings; refuses bad ones and the removed ones', async () => {
    const custom = {
      ...DEFAULT_EARLY_WARNING,
      products: ['Widget One', 'Widget Two'],
      brand: 'Widgets',
      minHistoryMinutes: 12,
      judgeBackMinutes: 40,
    };
    const saved = await created<EarlyWarningSettings & { version: number }>(put('/api/settings/early-warning', custom));
    expect(saved).toMatchObject({ ...custom, version: expect.any(Number) });
    const read = (await (await pipeline.apiFetch('/api/settings/early-warning')).json()) as Record<string, unknown>;
    expect(read).toEqual({ ...custom, version: saved.version });

    // A save that leaves the new settings out (an older form) keeps them.
    const partial = await created<EarlyWarningSettings>(
      put('/api/settings/early-warning', { enabled: true, baselineMinutes: 30, zThreshold: 4, minCount: 12 }),
    );
    expect(partial).toMatchObject({ products: custom.products, brand: 'Widgets', minHistoryMinutes: 12 });

    const fieldsOf = async (body: unknown) => {
      const res = await put('/api/settings/early-warning', body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
    };
    expect(await fieldsOf({ ...custom, products: [] })).toEqual(['products']);
    expect(await fieldsOf({ ...custom, products: ['ok', 'x'.repeat(81)] })).toEqual(['products']);
    expect(await fieldsOf({ ...custom, products: 'Widget One' })).toEqual(['products']);
    expect(await fieldsOf({ ...custom, brand: '' })).toEqual(['brand']);
    expect(await fieldsOf({ ...custom, minHistoryMinutes: -1, judgeBackMinutes: 0 })).toEqual(
      expect.arrayContaining(['minHistoryMinutes', 'judgeBackMinutes']),
    );
    expect(await fieldsOf({ ...custom, termWindowS: 120, groupWindowS: 1_800 })).toEqual(
      expect.arrayContaining(['termWindowS', 'groupWindowS']),
    );

    // A row an older version stored still carries the removed settings: they are neither echoed nor written back.
    await query(
      TEST_DATABASE_URL,
      `UPDATE settings SET value = value || '{"termWindowS":120,"termMinCount":10,"termRatio":5,"groupWindowS":1800}'::jsonb
       WHERE key = 'early_warning'`,
    );
    const legacy = (await (await pipeline.apiFetch('/api/settings/early-warning')).json()) as Record<string, unknown>;
    expect(Object.keys(legacy).sort()).toEqual([...Object.keys(DEFAULT_EARLY_WARNING), 'version'].sort());
    await created(put('/api/settings/early-warning', { ...DEFAULT_EARLY_WARNING }));
    const [row] = await query<{ value: Record<string, unknown> }>(
      TEST_DATABASE_URL,
      `SELECT value FROM settings WHERE key = 'early_warning'`,
    );
    expect(Object.keys(row!.value).sort()).toEqual(Object.keys(DEFAULT_EARLY_WARNING).sort());
  });

  it('sets up channels (secrets never returned), a rotation, a ladder and a rule', async () => {
    const settings = await created<{ minCount: number }>(put('/api/settings/early-warning', FAST_EARLY_WARNING));
    expect(settings.minCount).toBe(20);
    const channels = {
      hook: { kind: 'webhook', config: { url: `${receiver.url}/hook` } },
      slack: { kind: 'slack', config: { url: `${receiver.url}/slack` } },
      pd: { kind: 'pagerduty', config: { url: `${receiver.url}/pd` }, secret: 'routing-key-secret-123' },
      mail: {
        kind: 'email',
        config: { host: '127.0.0.1', port: smtp.port, from: 'oncall@listening-post.test', user: 'bot' },
        secret: 'smtp-password-secret-456',
      },
      broken: { kind: 'webhook', config: { url: `${receiver.url}/fail` } },
    };
    for (const [name, body] of Object.entries(channels)) {
      channelIds[name] = (await created<{ id: string }>(post('/api/escalation/channels', { name, ...body }))).id;
    }
    const listed = await (await pipeline.apiFetch('/api/escalation/channels')).text();
    expect(listed).not.toContain('routing-key-secret-123');
    expect(listed).not.toContain('smtp-password-secret-456');
    expect(listed).toContain('"hasSecret":true');

    const rotation = await created<{ id: string }>(
      post('/api/oncall/rotations', {
        name: 'Support',
        primaryUserIds: [primary.id],
        secondaryUserIds: [secondary.id],
        managerUserId: manager.id,
        shiftS: 8 * 3600,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    );
    // An agent (who may not read the people list) gets names with the ids, and no emails.
    const nowRes = await pipeline.apiFetch('/api/oncall/now', {}, agent.token);
    const nowText = await nowRes.text();
    const now = JSON.parse(nowText) as OnCallNow[];
    expect(now[0]).toMatchObject({
      primary: primary.id,
      secondary: secondary.id,
      manager: manager.id,
      primaryName: primary.name,
      secondaryName: secondary.name,
      managerName: manager.name,
    });
    for (const u of [primary, secondary, manager]) expect(nowText).not.toContain(u.email);

    const policy = await created<{ id: string }>(
      post('/api/escalation/policies', {
        name: 'Outage ladder',
        rotationId: rotation.id,
        steps: [
          {
            target: 'primary',
            delayS: 0,
            channelIds: [channelIds.hook, channelIds.slack, channelIds.pd, channelIds.mail, channelIds.broken],
          },
          { target: 'secondary', delayS: 4, channelIds: [channelIds.hook] },
          { target: 'manager', delayS: 5, channelIds: [channelIds.hook] },
          { target: 'primary', delayS: 12, channelIds: [channelIds.hook] },
        ],
      }),
    );
    await created(
      post('/api/escalation/rules', { name: 'Spikes', trigger: { kind: 'incident' }, policyId: policy.id }),
    );
  });

  it('turns the simulated outage into ONE incident and pages the primary on every channel', async () => {
    // Spikes need history.
    await pipeline.loadHourOfHistory();
    expect(await (await pipeline.apiFetch('/api/incidents')).json()).toEqual([]);
    const res = await fetch(`${pipeline.simulatorUrl}/__sim/scenario`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'outage-spike', seconds: 6 }),
    });
    expect(res.status).toBeLessThan(300);
    const incident = await waitFor(
      'an incident',
      async () => ((await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[])[0],
      30_000,
    );
    incidentId = incident.id;
    expect(incident).toMatchObject({ product: 'Acme Cloud', symptom: 'outage', title: 'Acme Cloud: outage' });
    await waitFor('the primary paged by webhook', () => hooks(0).length > 0, 15_000);
    const page = hooks(0)[0]!.body as { target: string; recipient: { email: string }; links: { acknowledge: string } };
    expect(page.target).toBe('primary');
    expect(page.recipient.email).toBe(primary.email);
    expect(page.links.acknowledge).toContain(`/api/incident-links/${incidentId}/acknowledge?`);

    const slack = await waitFor('slack', () => receiver.received.find((r) => r.path === '/slack'));
    expect(typeof slack.body.text).toBe('string');
    expect(Array.isArray(slack.body.blocks)).toBe(true);
    const pd = await waitFor('pagerduty', () => receiver.received.find((r) => r.path === '/pd'));
    expect(pd.body).toMatchObject({
      routing_key: 'routing-key-secret-123',
      event_action: 'trigger',
      dedup_key: incidentId,
    });
    expect(pd.body.payload).toMatchObject({ severity: expect.any(String), source: 'listening-post' });
    const mail = await waitFor('email', () => smtp.mails[0]);
    expect(mail.to).toEqual([primary.email]);
    expect(mail.raw).toContain('/api/incident-links/');
    expect(smtp.logins).toContain('bot');

    expect(client().events.some((e) => e.type === 'incident.created' && e.payload.id === incidentId)).toBe(true);
    expect((await detail()).mentionIds.length).toBeGreaterThan(10);
  }, 120_000);

  it('retries a failing channel with backoff and shows it as failed', async () => {
    const failed = await waitFor(
      'the broken channel failed',
      async () => (await detail()).deliveries.find((d) => d.channelId === channelIds.broken && d.status === 'failed'),
      20_000,
    );
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toContain('HTTP 500');
    expect(receiver.failures.length).toBe(3);
    // Exponential backoff: the second gap is longer than the first.
    const [a, b, c] = receiver.failures as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(250);
    expect(c - b).toBeGreaterThan(b - a);
  }, 30_000);

  it('escalates to the secondary, survives a SIGKILL mid-ladder without losing or repeating a step', async () => {
    await waitFor('the secondary paged', () => hooks(1).length > 0, 15_000);
    expect((hooks(1)[0]!.body as { target: string }).target).toBe('secondary');
    await waitFor('step 1 recorded as sent', async () =>
      (await detail()).deliveries.some((d) => d.step === 1 && d.status === 'sent'),
    );
    await pipeline.worker.kill();
    await new Promise((r) => setTimeout(r, 1_000));
    pipeline.worker = pipeline.newWorker().start();
    await waitFor('the manager paged after the restart', () => hooks(2).length > 0, 30_000);
    expect((hooks(2)[0]!.body as { target: string }).target).toBe('manager');
    await new Promise((r) => setTimeout(r, 1_500));
    expect([hooks(0).length, hooks(1).length, hooks(2).length]).toEqual([1, 1, 1]);
    const steps = (await detail()).deliveries.filter((d) => d.channelId === channelIds.hook).map((d) => d.step);
    expect(steps.sort()).toEqual([0, 1, 2]);
  }, 60_000);

  it('acknowledges through a signed link (tampered 401, expired 403), which stops the ladder', async () => {
    const link = new URL((hooks(0)[0]!.body as { links: { acknowledge: string } }).links.acknowledge);
    const path = `${link.pathname}${link.search}`;
    const tampered = path.replace(/sig=([^&])/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(`${pipeline.apiUrl}${tampered}`, { method: 'POST' })).status).toBe(401);
    const otherAction = path.replace('/acknowledge?', '/resolve?');
    expect((await fetch(`${pipeline.apiUrl}${otherAction}`, { method: 'POST' })).status).toBe(401);
    const expires = Math.floor(Date.now() / 1000) - 10;
    const sig = createHmac('sha256', linkSecret).update(`${incidentId}\nacknowledge\n${expires}`).digest('base64url');
    const expired = `/api/incident-links/${incidentId}/acknowledge?expires=${expires}&sig=${sig}`;
    expect((await fetch(`${pipeline.apiUrl}${expired}`, { method: 'POST' })).status).toBe(403);
    expect((await fetch(`${pipeline.apiUrl}${path}`)).status).toBe(200); // the confirmation page changes nothing
    expect((await detail()).incident.status).toBe('open');

    const res = await fetch(`${pipeline.apiUrl}${path}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as IncidentView).status).toBe('acknowledged');
    await waitFor('pagerduty acknowledged', () =>
      receiver.received.find((r) => r.path === '/pd' && r.body.event_action === 'acknowledge'),
    );
    // Step 3 is due 12 s after step 2; it must not page.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(hooks(3)).toHaveLength(0);
    const incidents = (await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[];
    expect(incidents).toHaveLength(1);
    expect(client().events.some((e) => e.type === 'incident.updated' && e.payload.status === 'acknowledged')).toBe(
      true,
    );
  }, 45_000);

  it('lets on-call resolve (agents get 403), and makes a handover digest', async () => {
    expect((await post(`/api/incidents/${incidentId}/resolve`, {}, agent.token)).status).toBe(403);
    const resolved = await created<IncidentView>(post(`/api/incidents/${incidentId}/resolve`, {}, primary.token));
    expect(resolved.status).toBe('resolved');
    await waitFor('pagerduty resolved', () =>
      receiver.received.find(
        (r) => r.path === '/pd' && r.body.event_action === 'resolve' && r.body.dedup_key === incidentId,
      ),
    );
    const digest = await created<{ summary: { mentions: number; incidentsOpened: number } }>(
      post('/api/digests', { hours: 1 }, primary.token),
    );
    expect(digest.summary.mentions).toBeGreaterThan(20);
    expect(digest.summary.incidentsOpened).toBe(1);
    expect((await post('/api/digests', { hours: 'x' }, primary.token)).status).toBe(400);
  });
});
