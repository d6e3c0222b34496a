import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncidentView } from '@lp/domain';
import { createUser, type TestUser } from '../support/actors';
import { Pipeline } from '../support/pipeline';
import { waitFor } from '../support/wait';

describe('escalation rules on mentions: one incident per rule, one page per step, resolving stops the ladder', () => {
  const pipeline = new Pipeline({ suite: 'escalation' });
  const pages: Array<{ step: number; incident: IncidentView }> = [];
  let server: Server;
  let oncall: TestUser;
  let manager: TestUser;

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
    await pipeline.start();
    [oncall, manager] = [await createUser(pipeline, 1, 'oncall'), await createUser(pipeline, 2, 'manager')];
  });
  afterAll(async () => {
    await pipeline.stop();
    await new Promise((done) => server.close(done));
  });

  const post = async <T>(path: string, body: unknown, token = manager.token): Promise<T> => {
    const res = await pipeline.apiFetch(path, { method: 'POST', body: JSON.stringify(body) }, token);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const incidents = async () => (await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[];

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
});
