import { ISO_639_1_CODES, type LanguageSeen, type MentionView } from '@lp/domain';
import { createUser } from '../support/actors';
import { usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { storeMentions } from '../support/stored-mentions';
import { waitFor } from '../support/wait';

describe('mention language: on every payload, as a list filter, and the languages seen', () => {
  const { pipeline, client } = usePipelineWithClient({ suite: 'mentions-language' });
  /** A word only this suite's stored mentions carry, so every list below is about what it made. */
  const MARK = 'quelvorix';
  let stored: MentionView[];
  const idsIn = (lang: string) =>
    stored
      .filter((m) => m.lang === lang)
      .map((m) => m.id)
      .sort();
  const list = async (qs: string) => {
    const res = await pipeline.apiFetch(`/api/mentions?q=${MARK}&${qs}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: MentionView[] }).items;
  };
  const ids = (items: MentionView[]) => items.map((m) => m.id).sort();

  beforeAll(async () => {
    stored = await storeMentions([
      { lang: 'es', text: `Mi router ${MARK} no funciona desde la actualización de ayer` },
      { lang: 'es', text: `¿Alguien sabe cuándo vuelve el servicio ${MARK}? Llevo horas sin internet` },
      { lang: 'fr', text: `Mon colis ${MARK} n'est jamais arrivé et le service client ne répond pas` },
      { lang: 'und', text: `${MARK} 🙃🙃🙃` },
      { lang: 'en', text: `My ${MARK} router keeps dropping the connection` },
    ]);
  });

  it('narrows the list to one language or several, case-blind, comma-separated or repeated', async () => {
    expect(ids(await list(''))).toHaveLength(5);
    const spanish = await list('lang=es');
    expect(ids(spanish)).toEqual(idsIn('es'));
    expect(spanish.every((m) => m.lang === 'es')).toBe(true);
    const both = [...idsIn('es'), ...idsIn('fr')].sort();
    expect(ids(await list('lang=es,fr'))).toEqual(both);
    expect(ids(await list('lang=ES&lang=fr'))).toEqual(both);
    expect(ids(await list('lang=fr, es'))).toEqual(both);
    expect(ids(await list('lang=und'))).toEqual(idsIn('und'));
    // With the other filters: still newest first, still only the language asked for.
    const newSpanish = await list('lang=es&status=new&limit=1');
    expect(newSpanish).toHaveLength(1);
    expect(newSpanish[0]!.id).toBe(stored.filter((m) => m.lang === 'es').sort((a, b) => b.seq - a.seq)[0]!.id);
    expect(await list('lang=de')).toEqual([]);
  });

  it.each([
    ['lang=spanish', 'lang'],
    ['lang=xx', 'lang'],
    ['lang=e', 'lang'],
    ['lang=', 'lang'],
    ['lang=es,', 'lang'],
    ['lang=es,zz', 'lang'],
    // Twenty-one real languages: more than one filter may name.
    [`lang=${ISO_639_1_CODES.slice(0, 21).join(',')}`, 'lang'],
  ])('refuses %s with a 400 naming %s', async (qs, field) => {
    const res = await pipeline.apiFetch(`/api/mentions?${qs}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ field: string; messages: string[] }> };
    expect(body.fields.map((f) => f.field)).toContain(field);
    expect(body.fields.find((f) => f.field === field)!.messages.join(' ')).toMatch(/lang/);
  });

  it('gives the language on one mention, in catch-up pages and in every mention event', async () => {
    const spanish = stored.find((m) => m.lang === 'es')!;
    const one = await pipeline.apiFetch(`/api/mentions/${spanish.id}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as MentionView).lang).toBe('es');
    const page = (await (await pipeline.apiFetch(`/api/mentions?afterSeq=${spanish.seq - 1}&limit=1`)).json()) as {
      items: MentionView[];
    };
    expect(page.items[0]).toMatchObject({ id: spanish.id, lang: 'es' });

    // A claim announces the mention again (mention.updated): the language goes with it.
    const agent = await createUser(pipeline, 'lang', 'agent');
    expect((await pipeline.apiFetch(`/api/mentions/${spanish.id}/claim`, { method: 'POST' }, agent.token)).status).toBe(
      200,
    );
    const updated = await waitFor('the claim event', () =>
      client()
        .events.flatMap((e) => (e.type === 'mention.updated' && e.payload.id === spanish.id ? [e.payload] : []))
        .find((p) => p.claim?.userId === agent.id),
    );
    expect(updated.lang).toBe('es');

    // A mention through the whole pipeline (simulator → worker → event) carries what was stored.
    await pipeline.emit(1, 'complaint', { text: 'lang suite: my acme router reboots every night' });
    const created = await waitFor('the created event', () =>
      client()
        .mentions()
        .find((m) => m.text === 'lang suite: my acme router reboots every night'),
    );
    const [row] = await query<{ lang: string }>(TEST_DATABASE_URL, 'SELECT lang FROM mentions WHERE id = $1', [
      created.id,
    ]);
    expect(typeof created.lang).toBe('string');
    expect(created.lang).toBe(row!.lang);
  });

  it('lists the languages of the last 30 days, busiest first, to anyone signed in', async () => {
    // Older than 30 days: not offered.
    await storeMentions([
      { lang: 'it', text: `Il mio ${MARK} non funziona più`, postedAt: new Date(Date.now() - 40 * 86_400_000) },
    ]);
    const agent = await createUser(pipeline, 'langs', 'agent');
    const res = await pipeline.apiFetch('/api/mentions/languages', {}, agent.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { since: string; items: LanguageSeen[] };
    expect(Date.now() - Date.parse(body.since)).toBeGreaterThanOrEqual(30 * 86_400_000 - 60_000);
    const counts = await query<{ lang: string; n: number }>(
      TEST_DATABASE_URL,
      `SELECT lang, count(*)::int AS n FROM mentions WHERE posted_at >= date_trunc('day', $1::timestamptz, 'UTC')
       GROUP BY lang`,
      [body.since],
    );
    expect(Object.fromEntries(body.items.map((l) => [l.lang, l.mentions]))).toEqual(
      Object.fromEntries(counts.map((c) => [c.lang, c.n])),
    );
    expect(body.items.map((l) => l.lang)).toEqual(expect.arrayContaining(['es', 'fr', 'und']));
    expect(body.items.map((l) => l.lang)).not.toContain('it');
    const mentions = body.items.map((l) => l.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
    expect((await fetch(`${pipeline.apiUrl}/api/mentions/languages`)).status).toBe(401);
  });
});
