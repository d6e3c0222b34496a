import { Pipeline, usePipelineWithClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

const countMentions = async () =>
  (
    await query<{ total: number; distinct: number }>(
      TEST_DATABASE_URL,
      'SELECT count(*)::int AS total, count(DISTINCT (platform, external_id))::int AS "distinct" FROM mentions',
    )
  )[0]!;
const mentionIds = async () =>
  new Set((await query<{ id: string }>(TEST_DATABASE_URL, 'SELECT id FROM mentions')).map((r) => r.id));

describe('pipeline: simulator → X poller → ingest queue → PostgreSQL → Socket.IO', () => {
  describe('steady flow', () => {
    const { pipeline, client } = usePipelineWithClient({ suite: 'flow' });

    it('stores each of N mentions exactly once and pushes each to a connected client', async () => {
      const n = 750; // several pages of 100, so paging with next_token is exercised
      await pipeline.emit(n);

      await waitFor(`${n} rows`, async () => (await countMentions()).total === n, 60_000);
      await waitFor(`${n} events`, () => client().mentionIds.size === n, 20_000);

      const counts = await countMentions();
      expect(counts).toEqual({ total: n, distinct: n });
      expect(client().mentionIds).toEqual(await mentionIds());
      const sample = client().mentions()[0]!;
      expect(sample.platform).toBe('x');
      expect(sample.author.handle).not.toBe('');
      expect(['negative', 'neutral', 'positive']).toContain(sample.sentiment);
      expect(sample.urgency).toBeGreaterThanOrEqual(0);
    });

    it('does not ingest the same tweets twice on later polls', async () => {
      const before = (await countMentions()).total;
      await pipeline.emit(5);
      await waitFor('5 more rows', async () => (await countMentions()).total === before + 5, 30_000);
      // Several more poll cycles pass; nothing new may appear.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await countMentions()).toEqual({ total: before + 5, distinct: before + 5 });
    });

    it('serves the newest mentions first and catch-up pages after a sequence number', async () => {
      const latest = (await (await pipeline.apiFetch('/api/mentions?limit=10')).json()) as {
        items: Array<{ seq: number }>;
      };
      expect(latest.items).toHaveLength(10);
      const seqs = latest.items.map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

      const afterSeq = seqs[9]!;
      const catchUp = (await (await pipeline.apiFetch(`/api/mentions?afterSeq=${afterSeq}&limit=500`)).json()) as {
        items: Array<{ seq: number }>;
      };
      expect(catchUp.items.map((m) => m.seq)).toEqual([...seqs.slice(0, 9)].reverse());
    });

    it('rejects a malformed list request with the field and the reason', async () => {
      const res = await pipeline.apiFetch('/api/mentions?limit=0');
      expect(res.status).toBe(400);
      const body = (await res.json()) as { fields: Array<{ field: string; messages: string[] }> };
      expect(body.fields[0]!.field).toBe('limit');
      expect(body.fields[0]!.messages.join(' ')).toMatch(/less than 1/);
    });

    it('filters the list by platform, urgency level, topic, time and words in the text', async () => {
      const get = async (qs: string) =>
        (
          (await (await pipeline.apiFetch(`/api/mentions?${qs}`)).json()) as {
            items: Array<Record<string, unknown>>;
          }
        ).items;
      const before = (await countMentions()).total;
      await pipeline.emit(20);
      await waitFor('20 more rows', async () => (await countMentions()).total === before + 20, 30_000);
      const all = await get('limit=20');
      const level = all[0]!.urgencyLevel as string;
      const [expected] = await query<{ n: number }>(
        TEST_DATABASE_URL,
        'SELECT count(*)::int AS n FROM mentions WHERE urgency_level = $1',
        [level],
      );
      const byLevel = await get(`limit=500&urgencyLevel=${level}`);
      expect(byLevel.length).toBe(Math.min(500, expected!.n));
      expect(byLevel.every((m) => m.urgencyLevel === level)).toBe(true);
      expect(await get('limit=500&platform=youtube')).toEqual([]);
      const topic = all[0]!.topic as string;
      expect((await get(`limit=500&topic=${topic}`)).every((m) => m.topic === topic)).toBe(true);
      expect(await get(`limit=500&until=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).toEqual([]);
      const word = (all.find((m) => /\bacmebook\b/i.test(String(m.text)))?.text as string | undefined)
        ? 'acmebook'
        : 'acme';
      const found = await get(`limit=500&q=${word}`);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((m) => new RegExp(word, 'i').test(String(m.text)))).toBe(true);
    });

    it.each([
      ['platform=myspace', 'platform'],
      ['since=yesterday', 'since'],
      ['urgencyLevel=extreme', 'urgencyLevel'],
      ['limit=5000', 'limit'],
    ])('rejects the filter %s with a 400 naming %s', async (qs, field) => {
      const res = await pipeline.apiFetch(`/api/mentions?${qs}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { fields: Array<{ field: string }> };
      expect(body.fields.map((f) => f.field)).toContain(field);
    });

    it('publishes its OpenAPI description', async () => {
      const doc = (await (await fetch(`${pipeline.apiUrl}/api/docs/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/mentions',
          '/api/sources',
          '/api/sources/{id}',
          '/api/health',
          '/api/webhooks/facebook',
        ]),
      );
    });

    it('reports PostgreSQL, Redis and the queue on /api/health', async () => {
      const res = await fetch(`${pipeline.apiUrl}/api/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        status: string;
        details: Record<string, { status: string; ingest?: { workers: number } }>;
      };
      expect(body.status).toBe('ok');
      expect(body.details.database!.status).toBe('up');
      expect(body.details.redis!.status).toBe('up');
      expect(body.details.queues!.ingest!.workers).toBeGreaterThanOrEqual(1);
    });
  });

  describe('worker killed mid-stream', () => {
    // Small batches and a short lock make ingest slow enough to kill mid-way and re-deliver quickly.
    const { pipeline, client } = usePipelineWithClient({
      suite: 'restart',
      workerEnv: { INGEST_CONCURRENCY: '4', INGEST_BATCH_SIZE: '4', QUEUE_LOCK_DURATION_MS: '2000' },
    });

    it('loses none and duplicates none after a SIGKILL and a restart', async () => {
      const n = 1_500;
      await pipeline.emit(n);
      await waitFor('ingest under way', async () => (await countMentions()).total >= 100, 60_000, 20);
      await pipeline.worker.kill();
      const atKill = (await countMentions()).total;
      expect(atKill).toBeLessThan(n); // the kill really happened mid-stream

      pipeline.worker = pipeline.newWorker().start();
      await waitFor(`${n} rows after restart`, async () => (await countMentions()).total === n, 90_000);
      await waitFor(`${n} distinct events`, () => client().mentionIds.size === n, 30_000);

      expect(await countMentions()).toEqual({ total: n, distinct: n });
      expect(client().mentionIds).toEqual(await mentionIds());
    });
  });

  describe('bad payloads from the platform', () => {
    const pipeline = new Pipeline({ suite: 'faults' });
    const sourceState = async () =>
      (
        await query<{ consecutive_failures: number; last_error: string | null }>(
          TEST_DATABASE_URL,
          'SELECT consecutive_failures, last_error FROM sources',
        )
      )[0];

    beforeAll(() => pipeline.start());
    afterAll(() => pipeline.stop());

    it('logs each with its source, backs off, creates no rows from them, and recovers', async () => {
      await waitFor('X source created', sourceState, 10_000);
      await pipeline.fault('malformed-json', 1);
      await pipeline.fault('missing-fields', 1);
      await pipeline.fault('server-error', 1);
      await pipeline.emit(20);

      await waitFor(
        'three failed polls',
        async () => ((await sourceState())?.consecutive_failures ?? 0) >= 3,
        30_000,
        20,
      );
      expect((await countMentions()).total).toBe(0);

      await waitFor('recovery: 20 rows', async () => (await countMentions()).total === 20, 60_000);
      expect(pipeline.worker.running).toBe(true);
      expect(await sourceState()).toMatchObject({ consecutive_failures: 0 });

      const failures = pipeline.worker.logged(/x poll failed/);
      expect(failures.some((l) => /not valid JSON/.test(l))).toBe(true);
      expect(failures.some((l) => /unexpected payload: data\.0\.text/.test(l))).toBe(true);
      expect(failures.some((l) => /HTTP 500/.test(l))).toBe(true);
      expect(failures.every((l) => /"sourceId":"[0-9a-f-]{36}"/.test(l))).toBe(true);
    });
  });
});
