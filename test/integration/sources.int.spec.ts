import type { SourceView } from '@lp/domain';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

describe('sources: managed through the API, credentials sealed, health reported', () => {
  const { pipeline, client } = usePipelineWithClient({ suite: 'sources' });
  const api = (path: string, init: RequestInit = {}) => pipeline.apiFetch(`/api${path}`, init);
  const create = (body: unknown) => api('/sources', { method: 'POST', body: JSON.stringify(body) });
  const sourceById = async (id: string) => (await (await api(`/sources/${id}`)).json()) as SourceView;

  it('creates a source, seals its credentials and never returns them', async () => {
    const res = await create({
      platform: 'x',
      name: 'Support handle',
      settings: { query: '@AcmeSupport -is:retweet', accountHandle: 'AcmeSupport' },
      pollIntervalMs: 1_000,
      credentials: { bearerToken: 'secret-bearer-123' },
    });
    expect(res.status).toBe(201);
    const view = (await res.json()) as SourceView;
    expect(view).toMatchObject({
      platform: 'x',
      name: 'Support handle',
      enabled: true,
      credentialKeys: ['bearerToken'],
    });
    expect(JSON.stringify(view)).not.toContain('secret-bearer-123');

    const [row] = await query<{ credentials: string }>(
      TEST_DATABASE_URL,
      'SELECT credentials FROM sources WHERE id = $1',
      [view.id],
    );
    expect(row!.credentials).toMatch(/^v1\./);
    expect(row!.credentials).not.toContain('secret-bearer-123');
    const list = (await (await api('/sources')).json()) as { items: SourceView[] };
    expect(JSON.stringify(list)).not.toContain('secret-bearer-123');

    // The worker decrypts it and polls with it: the source becomes healthy.
    await waitFor('first successful poll', async () => (await sourceById(view.id)).health === 'healthy', 20_000);
  });

  it.each([
    [{ platform: 'myspace', name: 'n', settings: {} }, 'platform'],
    [{ platform: 'facebook', name: 'n', settings: { pageId: 'acme' } }, 'settings.pageId'],
    [{ platform: 'youtube', name: 'n', settings: {} }, 'settings.channelId'],
    [{ platform: 'feed', name: 'n', settings: { url: 'ftp://example.com/feed' } }, 'settings.url'],
    [{ platform: 'x', name: 'n', settings: { query: 'acme', extra: 1 } }, 'settings'],
    [{ platform: 'x', name: 'n', settings: { query: 'acme' }, credentials: { password: 'p' } }, 'credentials.password'],
    [{ platform: 'x', name: 'n', settings: { query: 'acme' }, pollIntervalMs: 10 }, 'pollIntervalMs'],
    [{ platform: 'x', settings: { query: 'acme' } }, 'name'],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    const { fields } = (await res.json()) as { fields: Array<{ field: string; messages: string[] }> };
    expect(fields.map((f) => f.field)).toContain(field);
    expect(fields.every((f) => f.messages.length > 0)).toBe(true);
  });

  it('pauses, resumes, edits and deletes; unknown and malformed ids get 404 and 400', async () => {
    const view = (await (
      await create({ platform: 'feed', name: 'Blog', settings: { url: 'https://example.com/feed.xml' } })
    ).json()) as SourceView;
    const paused = (await (
      await api(`/sources/${view.id}`, { method: 'PATCH', body: JSON.stringify({ enabled: false }) })
    ).json()) as SourceView;
    expect(paused).toMatchObject({ enabled: false, health: 'paused' });
    const renamed = (await (
      await api(`/sources/${view.id}`, { method: 'PATCH', body: JSON.stringify({ name: 'Company blog' }) })
    ).json()) as SourceView;
    expect(renamed.name).toBe('Company blog');
    expect((await api(`/sources/${view.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/sources/${view.id}`)).status).toBe(404);
    expect((await api('/sources/not-a-uuid')).status).toBe(400);
  });

  it('marks a source failing, with the platform’s reason, when its credentials are refused, and tells the screens', async () => {
    const view = (await (
      await create({ platform: 'x', name: 'Refused', settings: { query: 'acme' }, pollIntervalMs: 1_000 })
    ).json()) as SourceView;
    await pipeline.fault('unauthorized', 50);
    const failing = await waitFor(
      'failing health',
      async () => {
        const s = await sourceById(view.id);
        return s.health === 'failing' ? s : undefined;
      },
      20_000,
    );
    expect(failing.healthReason).toMatch(/X refused the credentials \(HTTP 401\)/);
    await waitFor('health event on the socket', () =>
      client().events.some(
        (e) => e.type === 'source.health' && e.payload.id === view.id && e.payload.health === 'failing',
      ),
    );
  });
});
