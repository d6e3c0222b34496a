import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncidentView } from '@lp/domain';
import { createUser, newMention, type TestUser } from '../support/actors';
import { usePipelineWithClient } from '../support/pipeline';
import { waitFor } from '../support/wait';

describe("manual escalation: an agent's `e` opens one incident per mention and pages on-call", () => {
  const { pipeline, client } = usePipelineWithClient({ suite: 'manual-escalation' });
  const pages: Array<Record<string, unknown>> = [];
  let receiver: Server;
  let agent: TestUser;
  let volunteer: TestUser;

  const post = (path: string, body: unknown, token = pipeline.accessToken) =>
    pipeline.apiFetch(path, { method: 'POST', body: JSON.stringify(body) }, token);
  const escalate = (mentionId: string, user: TestUser) =>
    pipeline.apiFetch(`/api/mentions/${mentionId}/escalate`, { method: 'POST' }, user.token);

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        pages.push(JSON.parse(raw) as Record<string, unknown>);
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    [agent, volunteer] = [await createUser(pipeline, 'esc'), await createUser(pipeline, 'esc', 'volunteer')];
    const primary = await createUser(pipeline, 'esc-primary', 'oncall');
    const channel = (await (
      await post('/api/escalation/channels', { name: 'hook', kind: 'webhook', config: { url } })
    ).json()) as {
      id: string;
    };
    const rotation = (await (
      await post('/api/oncall/rotations', {
        name: 'Support',
        primaryUserIds: [primary.id],
        secondaryUserIds: [],
        shiftS: 8 * 3600,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
      })
    ).json()) as { id: string };
    const policy = (await (
      await post('/api/escalation/policies', {
        name: 'Escalations',
        rotationId: rotation.id,
        steps: [{ target: 'primary', delayS: 0, channelIds: [channel.id] }],
      })
    ).json()) as { id: string };
    expect(
      (await post('/api/escalation/rules', { name: 'Incidents', trigger: { kind: 'incident' }, policyId: policy.id }))
        .status,
    ).toBe(201);
  });
  afterAll(() => new Promise<void>((done) => receiver.close(() => done())));

  it('opens one incident for the mention, tells the screens, and pages the primary through the incident rule', async () => {
    const mentionId = await newMention(pipeline, { text: 'my acme charger melted and smells of smoke' });
    const first = await escalate(mentionId, agent);
    expect(first.status).toBe(201);
    const incident = (await first.json()) as IncidentView;
    expect(incident).toMatchObject({ trigger: 'manual', status: 'open', mentionCount: 1 });
    expect(incident.title).toContain('charger melted');
    // Pressing `e` again joins the open incident instead of opening a second one.
    const again = await escalate(mentionId, agent);
    expect(again.status).toBe(200);
    expect(((await again.json()) as IncidentView).id).toBe(incident.id);
    await waitFor('incident.created on the socket', () =>
      client().events.some((e) => e.type === 'incident.created' && e.payload.id === incident.id),
    );

    await waitFor('the primary paged', () => pages.length > 0, 40_000, 250);
    expect(pages[0]).toMatchObject({ target: 'primary' });
    const audit = (await (await pipeline.apiFetch(`/api/audit?mentionId=${mentionId}`)).json()) as {
      items: Array<{ action: string; actorId: string }>;
    };
    expect(audit.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'mention.escalated', actorId: agent.id })]),
    );
  }, 60_000);

  it('audits acknowledging by the signed link in the page and resolving in the app', async () => {
    const lead = await createUser(pipeline, 'esc-lead', 'manager');
    const mentionId = await newMention(pipeline, { text: 'acme app wiped my saved documents' });
    const incident = (await (await escalate(mentionId, agent)).json()) as IncidentView;
    const page = await waitFor('the page for this incident', () =>
      pages.find((p) => (p.incident as { id?: string } | undefined)?.id === incident.id),
    );
    const link = new URL((page.links as { acknowledge: string }).acknowledge);
    const acked = await fetch(`${pipeline.apiUrl}${link.pathname}${link.search}`, { method: 'POST' });
    expect(acked.status).toBe(200);
    expect((await post(`/api/incidents/${incident.id}/resolve`, {}, lead.token)).status).toBe(200);

    const entries = async (action: string) =>
      (
        (await (await pipeline.apiFetch(`/api/audit?action=${action}`)).json()) as {
          items: Array<{ actorId: string | null; subject: string | null; details: Record<string, unknown> }>;
        }
      ).items.filter((e) => e.subject === incident.id);
    expect(await entries('incident.acknowledged')).toEqual([
      expect.objectContaining({ actorId: null, details: { via: 'link' } }),
    ]);
    expect(await entries('incident.resolved')).toEqual([
      expect.objectContaining({ actorId: lead.id, details: { via: 'app' } }),
    ]);
    // Resolving again changes nothing, so it records nothing.
    expect((await post(`/api/incidents/${incident.id}/resolve`, {}, lead.token)).status).toBe(200);
    expect(await entries('incident.resolved')).toHaveLength(1);
  }, 60_000);

  it('refuses volunteers, unknown mentions and malformed ids', async () => {
    const mentionId = await newMention(pipeline);
    expect((await escalate(mentionId, volunteer)).status).toBe(403);
    expect((await escalate('00000000-0000-4000-8000-000000000000', agent)).status).toBe(404);
    expect((await escalate('not-a-uuid', agent)).status).toBe(400);
  });
});
