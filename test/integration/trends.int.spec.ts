import type { Platform, RawMention, SentimentLabel, TrendResponse, TrendRows } from '@lp/domain';
import { createQueue, type JobData } from '@lp/queue';
import { createUser, newMention, tokenFor } from '../support/actors';
import { Pipeline } from '../support/pipeline';
import { query, TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services';
import { storeMentions } from '../support/stored-mentions';
import { waitFor } from '../support/wait';

type Counts = Record<string, number>;

/** platform/sentiment → count, from the mentions table and from each aggregate grain. */
async function countsFrom(sql: string): Promise<Counts> {
  const rows = await query<{ platform: Platform; sentiment: SentimentLabel; n: number }>(TEST_DATABASE_URL, sql);
  return Object.fromEntries(rows.map((r) => [`${r.platform}/${r.sentiment}`, r.n]));
}
const fromMentions = () => countsFrom('SELECT platform, sentiment, count(*)::int AS n FROM mentions GROUP BY 1, 2');
const fromAggregate = (table: string) =>
  countsFrom(`SELECT platform, sentiment, sum(mentions)::int AS n FROM ${table} GROUP BY 1, 2`);
const mentionCount = async () =>
  (await query<{ n: number }>(TEST_DATABASE_URL, 'SELECT count(*)::int AS n FROM mentions'))[0]!.n;

describe('trends: aggregates kept at ingest, and the endpoints behind /trends', () => {
  // Small batches, so the re-run jobs below spread over many statements alongside new mentions.
  const pipeline = new Pipeline({ suite: 'trends', workerEnv: { INGEST_BATCH_SIZE: '8' } });
  const range = () => {
    const now = Date.now();
    return `from=${new Date(now - 2 * 86_400_000).toISOString()}&to=${new Date(now + 3_600_000).toISOString()}`;
  };
  const trend = async <N extends keyof TrendRows>(name: N, qs = range(), token?: string) => {
    const res = await pipeline.apiFetch(`/api/trends/${name}?${qs}`, {}, token);
    expect(res.status).toBe(200);
    return (await res.json()) as TrendResponse<TrendRows[N]>;
  };

  beforeAll(async () => {
    await pipeline.start();
    // The shared reset truncates mentions but not these (no foreign key ties them): start from zero.
    await query(TEST_DATABASE_URL, 'TRUNCATE mention_minutes, mention_hours, mention_days');
  });
  afterAll(() => pipeline.stop());

  it('counts per platform and sentiment equal the mentions table, at every grain and through the api', async () => {
    await pipeline.emit(120);
    await waitFor('120 mentions', async () => (await mentionCount()) === 120, 60_000);
    const expected = await fromMentions();
    expect(Object.keys(expected).length).toBeGreaterThan(1); // a real mix of sentiments
    for (const table of ['mention_minutes', 'mention_hours', 'mention_days']) {
      expect(await fromAggregate(table)).toEqual(expected);
    }

    const sentiment = await trend('sentiment');
    const byLabel = (label: SentimentLabel) => sentiment.items.reduce((s, p) => s + p[label], 0);
    for (const label of ['negative', 'neutral', 'positive'] as const) {
      const want = Object.entries(expected)
        .filter(([k]) => k.endsWith(`/${label}`))
        .reduce((s, [, n]) => s + n, 0);
      expect(byLabel(label)).toBe(want);
    }
    expect(sentiment.bucket).toBe('hour');
    const platforms = await trend('platforms');
    expect(platforms.items.reduce((s, p) => s + p.x, 0)).toBe(120);
    const share = await trend('negative-share');
    expect(share.items.reduce((s, p) => s + p.negative, 0)).toBe(byLabel('negative'));
    const topics = await trend('topics');
    expect(topics.items.reduce((s, t) => s + t.mentions, 0)).toBe(120);
  });

  it('never counts a re-run job or a repeated mention twice, even mixed into batches with new ones', async () => {
    const rows = await query<Record<string, unknown>>(TEST_DATABASE_URL, 'SELECT * FROM mentions LIMIT 40');
    const queue = createQueue('ingest', { redisUrl: TEST_REDIS_URL, prefix: pipeline.redisPrefix });
    try {
      // What a job that ran before carries: the same mention, under a job id BullMQ no longer remembers.
      const jobs = rows.flatMap((r, i) => {
        const data: JobData<'ingest'> = { mention: rawMentionOf(r), enqueuedAt: Date.now() };
        // Each twice: the second copy may land in the same batch as the first.
        return [0, 1].map((copy) => ({ name: 'mention.ingest' as const, data, opts: { jobId: `rerun-${i}-${copy}` } }));
      });
      await Promise.all([queue.addBulk(jobs), pipeline.emit(30)]);
      await waitFor(
        're-run jobs completed',
        async () =>
          (await Promise.all(jobs.map((j) => queue.getJobState(j.opts.jobId)))).every((s) => s === 'completed'),
        60_000,
      );
    } finally {
      await queue.close();
    }
    await waitFor('150 mentions', async () => (await mentionCount()) === 150, 60_000);
    const expected = await fromMentions();
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(150);
    for (const table of ['mention_minutes', 'mention_hours', 'mention_days']) {
      expect(await fromAggregate(table)).toEqual(expected);
    }
  });

  it('finds a term that suddenly appears among the rising terms', async () => {
    const before = await mentionCount();
    await pipeline.emit(12, 'complaint', { text: 'The zorbulator firmware update bricked my router again' });
    await waitFor('12 more mentions', async () => (await mentionCount()) === before + 12, 60_000);
    const now = Date.now();
    const rising = await trend(
      'rising-terms',
      `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
    );
    const zorbulator = rising.items.find((t) => t.term === 'zorbulator');
    // An estimate from a weighted sample: the most recent mentions of a busy slice are read first.
    expect(zorbulator).toMatchObject({ expected: 0 });
    expect(zorbulator!.mentions).toBeGreaterThanOrEqual(12);
    expect(zorbulator!.mentions).toBeLessThanOrEqual(18);
    expect(zorbulator!.ratio).toBeGreaterThan(1);
    expect(rising.items.map((t) => t.term)).not.toContain('the');
  });

  it('answers every trend with a filled series, response times and agent activity included', async () => {
    const agent = await createUser(pipeline, 'resp', 'agent');
    const mentionId = await newMention(pipeline);
    expect((await pipeline.apiFetch(`/api/mentions/${mentionId}/claim`, { method: 'POST' }, agent.token)).status).toBe(
      200,
    );
    // A response five minutes after posting, as the reply path records it.
    await query(
      TEST_DATABASE_URL,
      `UPDATE mentions SET posted_at = now() - interval '5 minutes', first_response_at = now() WHERE id = $1`,
      [mentionId],
    );
    const times = await trend('response-times');
    const answered = times.items.filter((p) => p.responses > 0);
    expect(answered).toHaveLength(1);
    expect(answered[0]!.medianS).toBeGreaterThanOrEqual(299);
    expect(answered[0]!.medianS).toBeLessThanOrEqual(302);
    expect(times.items.length).toBe((await trend('sentiment')).items.length);

    const agents = await trend('agents');
    expect(agents.items.find((a) => a.agentId === agent.id)).toMatchObject({ name: agent.name, claims: 1 });
    for (const name of ['sla-breaches', 'replies'] as const) {
      const body = await trend(name);
      expect(body.items.length).toBeGreaterThan(24);
    }
  });

  it.each([
    ['from=yesterday', 'from'],
    ['to=2026-13-45', 'to'],
    ['bucket=week', 'bucket'],
    ['format=xml', 'format'],
    ['from=2026-03-10T00:00:00Z&to=2026-03-09T00:00:00Z', 'from'],
    ['from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from'],
    ['from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=minute', 'bucket'],
    ['unknown=1', 'unknown'],
  ])('refuses %s with a 400 naming %s', async (qs, field) => {
    const res = await pipeline.apiFetch(`/api/trends/sentiment?${qs}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ field: string; messages: string[] }> };
    expect(body.fields.map((f) => f.field)).toContain(field);
  });

  it('is for managers and admins: 403 for an agent, 401 without a token', async () => {
    const agent = await createUser(pipeline, 'deny', 'agent');
    const manager = await createUser(pipeline, 'ok', 'manager');
    for (const name of ['sentiment', 'agents', 'rising-terms']) {
      expect((await pipeline.apiFetch(`/api/trends/${name}`, {}, agent.token)).status).toBe(403);
      expect((await pipeline.apiFetch(`/api/trends/${name}`, {}, manager.token)).status).toBe(200);
    }
    expect((await fetch(`${pipeline.apiUrl}/api/trends/sentiment`)).status).toBe(401);
  });

  it('exports CSV with a header row and a file name, and neutralises cells that could run as formulas', async () => {
    const res = await pipeline.apiFetch('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'formula@listening-post.test',
        name: '=HYPERLINK("http://evil.test","click")',
        role: 'agent',
        password: 'long-enough-password',
      }),
    });
    expect(res.status).toBe(201);
    const evil = (await res.json()) as { id: string; email: string; role: string };
    const mentionId = await newMention(pipeline);
    const claim = await pipeline.apiFetch(
      `/api/mentions/${mentionId}/claim`,
      { method: 'POST' },
      tokenFor(pipeline, evil),
    );
    expect(claim.status).toBe(200);

    const csv = await pipeline.apiFetch(`/api/trends/agents?${range()}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="trends-agents-\d{8}T\d{4}Z-\d{8}T\d{4}Z\.csv"$/,
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('agentId,name,claims,repliesSent,approvals,statusChanges,notes');
    const row = lines.find((l) => l.startsWith(evil.id))!;
    expect(row).toBe(`${evil.id},"'=HYPERLINK(""http://evil.test"",""click"")",1,0,0,0,0`);

    const sentimentCsv = await (await pipeline.apiFetch(`/api/trends/sentiment?${range()}&format=csv`)).text();
    const [header, ...points] = sentimentCsv.trimEnd().split('\r\n');
    expect(header).toBe('bucket,negative,neutral,positive,total');
    expect(points.reduce((s, l) => s + Number(l.split(',')[4]), 0)).toBe(await mentionCount());
  });

  it('counts by language at every grain, and narrows every trend to the languages asked for', async () => {
    // Languages set by the test (the scorer is not asked), stored by the ingest statement itself.
    const stored = await storeMentions([
      ...[1, 2, 3].map((i) => ({
        lang: 'es',
        platform: 'youtube' as const,
        topic: 'hardware',
        sentiment: (i === 3 ? 'positive' : 'negative') as SentimentLabel,
        text: `El zumbidor ${i} del router hace ruido y se apaga solo`,
      })),
      ...[1, 2, 3].map((i) => ({ lang: 'es', text: `Otra vez el zumbidor número ${i}, qué desastre` })),
      ...[1, 2].map((i) => ({
        lang: 'fr',
        platform: 'facebook' as const,
        sentiment: 'neutral' as const,
        text: `Le colis ${i} est en retard`,
      })),
    ]);
    const byLang = (sql: string) =>
      query<{ lang: string; n: number }>(TEST_DATABASE_URL, sql).then((rows) =>
        Object.fromEntries(rows.map((r) => [r.lang, r.n])),
      );
    const expected = await byLang('SELECT lang, count(*)::int AS n FROM mentions GROUP BY 1');
    for (const table of ['mention_minutes', 'mention_hours', 'mention_days']) {
      expect(await byLang(`SELECT lang, sum(mentions)::int AS n FROM ${table} GROUP BY 1`)).toEqual(expected);
    }

    const lastHour = () => {
      const now = Date.now();
      return `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
    };
    const sentimentTotal = async (lang: string) =>
      (await trend('sentiment', `${range()}&lang=${lang}`)).items.reduce((s, p) => s + p.total, 0);
    expect(await sentimentTotal('es')).toBe(6);
    expect(await sentimentTotal('fr')).toBe(2);
    expect(await sentimentTotal('es,fr')).toBe(8);
    expect(await sentimentTotal('de')).toBe(0);
    const spanish = await trend('sentiment', `${range()}&lang=es`);
    expect(spanish.items.reduce((s, p) => s + p.positive, 0)).toBe(1);
    expect(spanish.items.reduce((s, p) => s + p.negative, 0)).toBe(5);
    const platforms = await trend('platforms', `${range()}&lang=fr`);
    expect(platforms.items.reduce((s, p) => s + p.facebook, 0)).toBe(2);
    expect(platforms.items.reduce((s, p) => s + p.x + p.youtube + p.feed, 0)).toBe(0);
    const share = await trend('negative-share', `${range()}&lang=es`);
    expect(share.items.reduce((s, p) => s + p.negative, 0)).toBe(5);
    expect(share.items.reduce((s, p) => s + p.mentions, 0)).toBe(6);
    const topics = await trend('topics', `${range()}&lang=es`);
    expect(Object.fromEntries(topics.items.map((t) => [t.topic, t.mentions]))).toEqual({ hardware: 3, software: 3 });
    const rising = async (lang: string) =>
      (await trend('rising-terms', `${lastHour()}&lang=${lang}`)).items.map((t) => t.term);
    expect(await rising('es')).toContain('zumbidor');
    expect(await rising('fr')).not.toContain('zumbidor');

    // The work on a Spanish mention counts under Spanish only: claims, first responses, breaches, replies.
    const agent = await createUser(pipeline, 'lang', 'agent');
    const [es, fr] = [stored[0]!, stored[6]!];
    expect((await pipeline.apiFetch(`/api/mentions/${es.id}/claim`, { method: 'POST' }, agent.token)).status).toBe(200);
    await query(
      TEST_DATABASE_URL,
      `UPDATE mentions SET first_response_at = now(), sla_breached_at = now() WHERE id = $1`,
      [es.id],
    );
    await query(TEST_DATABASE_URL, `UPDATE mentions SET sla_breached_at = now() WHERE id = $1`, [fr.id]);
    const claimsOf = async (lang: string) =>
      (await trend('agents', `${range()}&lang=${lang}`)).items.find((a) => a.agentId === agent.id)?.claims ?? 0;
    expect(await claimsOf('es')).toBe(1);
    expect(await claimsOf('fr')).toBe(0);
    const responses = async (lang: string) =>
      (await trend('response-times', `${range()}&lang=${lang}`)).items.reduce((s, p) => s + p.responses, 0);
    expect(await responses('es')).toBe(1);
    expect(await responses('fr')).toBe(0);
    const breaches = async (lang: string) =>
      (await trend('sla-breaches', `${range()}&lang=${lang}`)).items.reduce(
        (s, p) => s + p.low + p.normal + p.high + p.critical,
        0,
      );
    expect(await breaches('es')).toBe(1);
    expect(await breaches('es,fr')).toBe(2);
    const replies = async (lang: string) =>
      (await trend('replies', `${range()}&lang=${lang}`)).items.reduce(
        (s, p) => s + p.sent + p.failed + p.rejected + p.pending,
        0,
      );
    expect(await replies('fr')).toBe(0);

    // The CSV download is narrowed the same way.
    const csv = await (await pipeline.apiFetch(`/api/trends/sentiment?${range()}&lang=fr&format=csv`)).text();
    expect(
      csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .reduce((s, l) => s + Number(l.split(',')[4]), 0),
    ).toBe(2);
  });

  it.each(['lang=spanish', 'lang=xx', 'lang=', 'lang=es,zz'])(
    'refuses %s on every trend with a 400 naming lang',
    async (qs) => {
      for (const name of ['sentiment', 'agents', 'rising-terms', 'replies']) {
        const res = await pipeline.apiFetch(`/api/trends/${name}?${qs}`);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { fields: Array<{ field: string }> };
        expect(body.fields.map((f) => f.field)).toContain('lang');
      }
    },
  );
});

/** A stored row back in the shape a connector queues. */
function rawMentionOf(r: Record<string, unknown>): RawMention {
  return {
    platform: r.platform as Platform,
    externalId: r.external_id as string,
    sourceId: r.source_id as string | null,
    text: r.text as string,
    url: r.url as string,
    platformLang: null,
    author: {
      externalId: r.author_external_id as string,
      handle: r.author_handle as string,
      name: r.author_name as string,
      followers: r.author_followers as number,
      verified: r.author_verified as boolean,
    },
    postedAt: new Date(r.posted_at as Date).toISOString(),
    metrics: r.metrics as RawMention['metrics'],
    inReplyToExternalId: r.in_reply_to_external_id as string | null,
  };
}
