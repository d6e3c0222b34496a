import {
  DEFAULT_WALL_LAYOUT,
  type AuditEntryView,
  type WallLayout,
  type WallLayoutChange,
  type WallLayoutConflict,
  type WallLayoutView,
} from '@lp/domain';
import { createUser, type TestUser } from '../support/actors';
import { Pipeline, RecordingClient } from '../support/pipeline';
import { waitFor } from '../support/wait';

interface FieldErrors {
  fields?: Array<{ field: string; messages: string[] }>;
}

describe('wall layouts API: versions, validation, roles and audit', () => {
  const pipeline = new Pipeline({ suite: 'wall-layouts' });
  let manager: TestUser;
  let agent: TestUser;

  const call = (token: string, method: string, path: string, body?: unknown) =>
    pipeline.apiFetch(path, { method, body: body === undefined ? undefined : JSON.stringify(body) }, token);
  const put = (token: string, name: string, layout: unknown) =>
    call(token, 'PUT', `/api/wall-layouts/${name}`, { layout });
  const fieldsOf = async (res: Response) => ((await res.json()) as FieldErrors).fields?.map((f) => f.field) ?? [];

  const twoPanels: WallLayout = {
    columns: 2,
    rows: 1,
    panels: [
      { id: 'stream', column: 1, row: 1, width: 1, height: 1 },
      { id: 'sla', column: 2, row: 1, width: 1, height: 1 },
    ],
  };

  beforeAll(async () => {
    await pipeline.start();
    manager = await createUser(pipeline, 1, 'manager');
    agent = await createUser(pipeline, 2, 'agent');
  });
  afterAll(() => pipeline.stop());

  it('answers the built-in default, as version 0, for a screen nobody has configured', async () => {
    const res = await call(agent.token, 'GET', '/api/wall-layouts/lobby');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: 'lobby',
      version: 0,
      layout: DEFAULT_WALL_LAYOUT,
      builtIn: true,
      createdBy: null,
      createdByName: null,
      createdAt: null,
    });
    const versions = await call(agent.token, 'GET', '/api/wall-layouts/lobby/versions');
    expect(await versions.json()).toEqual({ items: [] });
  });

  it('saves each PUT as the next version; GET answers the latest, and the versions newest first', async () => {
    const first = await put(manager.token, 'ops-floor', twoPanels);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ name: 'ops-floor', version: 1, builtIn: false, createdBy: manager.id });

    const second: WallLayout = { ...twoPanels, panels: [{ id: 'alerts', column: 1, row: 1, width: 2, height: 1 }] };
    const saved = (await (await put(manager.token, 'ops-floor', second)).json()) as WallLayoutView;
    expect(saved).toMatchObject({ version: 2, layout: second, createdByName: manager.name });

    const latest = (await (await call(agent.token, 'GET', '/api/wall-layouts/ops-floor')).json()) as WallLayoutView;
    expect(latest).toMatchObject({ version: 2, layout: second });
    const { items } = (await (await call(agent.token, 'GET', '/api/wall-layouts/ops-floor/versions')).json()) as {
      items: WallLayoutView[];
    };
    expect(items.map((v) => [v.version, v.layout.panels.length])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    // Other screens keep their own history.
    expect(((await (await call(agent.token, 'GET', '/api/wall-layouts/lobby')).json()) as WallLayoutView).version).toBe(
      0,
    );
  });

  it('gives simultaneous saves distinct versions', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => put(manager.token, 'race', twoPanels)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const versions = await Promise.all(results.map(async (r) => ((await r.json()) as WallLayoutView).version));
    expect(versions.sort()).toEqual([1, 2, 3, 4]);
  });

  it('records every save in the audit trail', async () => {
    const res = await call(manager.token, 'GET', `/api/audit?action=settings.changed&actorId=${manager.id}`);
    const { items } = (await res.json()) as { items: AuditEntryView[] };
    const entry = items.find((e) => e.subject === 'wall-layout:ops-floor' && e.details.version === 2);
    expect(entry).toMatchObject({ actorId: manager.id, details: { name: 'ops-floor', panels: ['alerts'] } });
  });

  it('refuses bad layouts with a 400 naming each field, and saves nothing', async () => {
    const unknownPanel = await put(manager.token, 'ops-floor', {
      ...twoPanels,
      panels: [{ id: 'weather', column: 1, row: 1, width: 1, height: 1 }],
    });
    expect(unknownPanel.status).toBe(400);
    expect(await fieldsOf(unknownPanel)).toEqual(['layout.panels[0].id']);

    const offGrid = await put(manager.token, 'ops-floor', {
      columns: 2,
      rows: 1,
      panels: [
        { id: 'stream', column: 2, row: 1, width: 2, height: 1 },
        { id: 'sla', column: 1, row: 0, width: 1, height: 1 },
      ],
    });
    expect(offGrid.status).toBe(400);
    expect(await fieldsOf(offGrid)).toEqual(['layout.panels[0].width', 'layout.panels[1].row']);

    const overlapping = await put(manager.token, 'ops-floor', {
      ...twoPanels,
      panels: [
        { id: 'stream', column: 1, row: 1, width: 2, height: 1 },
        { id: 'sla', column: 2, row: 1, width: 1, height: 1 },
      ],
    });
    expect(await fieldsOf(overlapping)).toEqual(['layout.panels[1]']);

    const missing = await call(manager.token, 'PUT', '/api/wall-layouts/ops-floor', {});
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toEqual(['layout']);

    const badName = await put(manager.token, 'Lobby_TV', twoPanels);
    expect(badName.status).toBe(400);
    expect(await fieldsOf(badName)).toEqual(['name']);

    const latest = (await (await call(agent.token, 'GET', '/api/wall-layouts/ops-floor')).json()) as WallLayoutView;
    expect(latest.version).toBe(2);
  });

  it('lets agents read layouts but not save them (403)', async () => {
    const res = await put(agent.token, 'ops-floor', twoPanels);
    expect(res.status).toBe(403);
    const latest = (await (await call(agent.token, 'GET', '/api/wall-layouts/ops-floor')).json()) as WallLayoutView;
    expect(latest.version).toBe(2);
  });

  it('refuses a known panel option out of its bounds, naming the option', async () => {
    const res = await put(manager.token, 'ops-floor', {
      columns: 1,
      rows: 1,
      panels: [{ id: 'urgent', column: 1, row: 1, width: 1, height: 1, options: { limit: 50 } }],
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['layout.panels[0].options.limit']);
  });

  describe('optimistic versions (baseVersion)', () => {
    const putFrom = (name: string, layout: unknown, baseVersion: unknown) =>
      call(manager.token, 'PUT', `/api/wall-layouts/${name}`, { layout, baseVersion });
    const versionsOf = async (name: string) =>
      (
        (await (await call(agent.token, 'GET', `/api/wall-layouts/${name}/versions`)).json()) as {
          items: WallLayoutView[];
        }
      ).items.map((v) => v.version);

    it('saves from the latest version, and answers 409 with the latest from an older one, saving nothing', async () => {
      expect((await putFrom('atrium', twoPanels, 0)).status).toBe(200);
      const second = await putFrom('atrium', twoPanels, 1);
      expect(second.status).toBe(200);
      expect(((await second.json()) as WallLayoutView).version).toBe(2);

      const stale = await putFrom('atrium', DEFAULT_WALL_LAYOUT, 1);
      expect(stale.status).toBe(409);
      const body = (await stale.json()) as WallLayoutConflict;
      expect(body).toMatchObject({ statusCode: 409, field: 'baseVersion', latest: { name: 'atrium', version: 2 } });
      expect(body.latest.createdByName).toBe(manager.name);
      expect(body.message).toContain('version 2 was saved by');
      expect(await versionsOf('atrium')).toEqual([2, 1]);

      // A screen nobody saved yet is at version 0 (the built-in default).
      expect((await putFrom('annex', twoPanels, 0)).status).toBe(200);
      expect((await putFrom('annex', twoPanels, 0)).status).toBe(409);
      expect(await versionsOf('annex')).toEqual([1]);

      const audit = (await (
        await call(manager.token, 'GET', `/api/audit?action=settings.changed&actorId=${manager.id}`)
      ).json()) as { items: AuditEntryView[] };
      expect(audit.items.filter((e) => e.subject === 'wall-layout:atrium').map((e) => e.details.version)).toEqual([
        2, 1,
      ]);
    });

    it('lets exactly one of several simultaneous saves from the same version through', async () => {
      const results = await Promise.all([1, 2, 3, 4].map(() => putFrom('rush', twoPanels, 0)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      expect(await versionsOf('rush')).toEqual([1]);
    });

    it('refuses a baseVersion that is not a whole number from 0', async () => {
      for (const bad of [-1, 1.5, 'latest']) {
        const res = await putFrom('atrium', twoPanels, bad);
        expect(res.status).toBe(400);
        expect(await fieldsOf(res)).toEqual(['baseVersion']);
      }
    });
  });

  describe('wall_layout.saved events', () => {
    it('tells every screen about each saved version, once, and nothing about refused saves', async () => {
      const kiosk = new RecordingClient(pipeline.apiUrl, agent.token);
      try {
        await kiosk.connected();
        // Only this test's layout: a save from an earlier test may still be on its way to the screens.
        const foyerEvents = () =>
          kiosk.events.filter(
            (e) => e.type === 'wall_layout.saved' && (e.payload as WallLayoutChange).name === 'foyer',
          );
        const changes = () => foyerEvents().map((e) => e.payload as WallLayoutChange);

        expect((await put(manager.token, 'foyer', twoPanels)).status).toBe(200);
        expect((await put(manager.token, 'foyer', { ...twoPanels, panels: [] })).status).toBe(400);
        const stale = await call(manager.token, 'PUT', '/api/wall-layouts/foyer', {
          layout: twoPanels,
          baseVersion: 0,
        });
        expect(stale.status).toBe(409);
        expect((await put(manager.token, 'foyer', twoPanels)).status).toBe(200);

        await waitFor('two saves announced', () => changes().length >= 2, 10_000);
        // Late duplicates or refused saves would show up here.
        await new Promise((r) => setTimeout(r, 300));
        expect(changes()).toEqual([
          { name: 'foyer', version: 1 },
          { name: 'foyer', version: 2 },
        ]);
        expect(foyerEvents().map((e) => e.id)).toEqual(['wall_layout.saved:foyer:1', 'wall_layout.saved:foyer:2']);
      } finally {
        kiosk.close();
      }
    });
  });

  it('needs sign-in', async () => {
    const res = await fetch(`${pipeline.apiUrl}/api/wall-layouts/default`);
    expect(res.status).toBe(401);
  });
});
