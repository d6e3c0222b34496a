import { DEFAULT_EARLY_WARNING, type IncidentView } from '@lp/domain';
import { Pipeline } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

/**
 * The simulator's scripted scenarios through the real pipeline (simulator → X connector → ingest →
 * scorer → early warning): an outage or a viral complaint opens exactly one incident naming its
 * product and symptom within two minutes; a cold start, a day of steady and quiet traffic, and a
 * restart with ten minutes of backlog open none. Backdated scenarios (`backlog`, `day`) make posts
 * dated in the past arrive at once, which the detector judges by posting time.
 */

const TWO_MINUTES = 120_000;
const db = <T>(sql: string, params: unknown[] = []) => query<T>(TEST_DATABASE_URL, sql, params);

async function scenario(pipeline: Pipeline, name: string, seconds: number): Promise<void> {
  const res = await fetch(`${pipeline.simulatorUrl}/__sim/scenario`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, seconds }),
  });
  if (res.status !== 201) throw new Error(`scenario ${name} refused: ${res.status} ${await res.text()}`);
}

async function simulatorTweets(pipeline: Pipeline): Promise<number> {
  return ((await (await fetch(`${pipeline.simulatorUrl}/__sim/state`)).json()) as { tweets: number }).tweets;
}

/**
 * Waits until every post the simulator holds is a mention and the early warning has keyed (and
 * judged) every mention: after this, whatever the detector would open from them is open.
 */
async function settled(pipeline: Pipeline, timeoutMs = 120_000): Promise<void> {
  const tweets = await simulatorTweets(pipeline);
  await waitFor(
    `${tweets} posts ingested`,
    async () => (await db<{ n: number }>('SELECT count(*)::int AS n FROM mentions'))[0]!.n >= tweets,
    timeoutMs,
    250,
  );
  await waitFor(
    'every mention keyed by the early warning',
    async () => {
      const [state] = await db<{ seq: string | null }>(
        `SELECT value->>'seq' AS seq FROM settings WHERE key = 'early_warning.keys'`,
      );
      const [latest] = await db<{ seq: string }>('SELECT max(seq)::text AS seq FROM mentions');
      return state?.seq !== null && state !== undefined && Number(state.seq) >= Number(latest!.seq);
    },
    timeoutMs,
    250,
  );
  // One more tick: whatever the last batch opened is committed and listed.
  await new Promise((r) => setTimeout(r, 2_500));
}

async function spikeIncidents(pipeline: Pipeline): Promise<IncidentView[]> {
  const res = await pipeline.apiFetch('/api/incidents?limit=200');
  return ((await res.json()) as IncidentView[]).filter((i) => i.trigger !== 'rule' && i.trigger !== 'manual');
}

async function linkedTexts(incidentId: string): Promise<string[]> {
  const rows = await db<{ text: string }>(
    'SELECT m.text FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id WHERE im.incident_id = $1',
    [incidentId],
  );
  return rows.map((r) => r.text);
}

async function expectOneIncident(
  pipeline: Pipeline,
  name: string,
  product: string,
  symptom: string,
  before: Set<string>,
): Promise<void> {
  const tweetsBefore = await simulatorTweets(pipeline);
  const startedAt = Date.now();
  await scenario(pipeline, name, 20);
  const incident = await waitFor(
    `an incident about ${product} (${symptom})`,
    async () => (await spikeIncidents(pipeline)).find((i) => !before.has(i.id)),
    TWO_MINUTES,
    250,
  );
  expect(Date.parse(incident.openedAt) - startedAt).toBeLessThan(TWO_MINUTES);
  expect(incident).toMatchObject({ product, symptom, status: 'open', trigger: 'volume' });
  expect(incident.title).toContain(product);
  expect(incident.title.toLowerCase()).toContain(symptom === 'safety' ? 'safety' : symptom);

  // The scenario runs 20 s; once all of it is in and judged, it is still exactly one incident.
  await waitFor('the scenario over', async () => (await simulatorTweets(pipeline)) > tweetsBefore, 10_000);
  await new Promise((r) => setTimeout(r, Math.max(0, startedAt + 21_000 - Date.now())));
  await settled(pipeline);
  const fresh = (await spikeIncidents(pipeline)).filter((i) => !before.has(i.id));
  expect(fresh.map((i) => i.id)).toEqual([incident.id]);

  // It links the scenario's mentions, and only mentions about its product.
  const posted = (await simulatorTweets(pipeline)) - tweetsBefore;
  const texts = await linkedTexts(incident.id);
  expect(texts.length).toBeGreaterThan(posted * 0.8);
  expect(texts.every((t) => t.toLowerCase().includes(product.toLowerCase()))).toBe(true);
  before.add(incident.id);
}

describe('incident scenarios: a cold start, an hour of backlog, an outage and a viral complaint', () => {
  const pipeline = new Pipeline({ suite: 'incident-scenarios-a' });
  const seen = new Set<string>();
  beforeAll(() => pipeline.start(), 60_000);
  afterAll(() => pipeline.stop());

  it('opens nothing from a cold start that catches up ten minutes of backlog (no history)', async () => {
    await scenario(pipeline, 'backlog', 600);
    await settled(pipeline);
    expect(await db('SELECT 1 FROM mentions')).not.toHaveLength(0);
    expect(await spikeIncidents(pipeline)).toEqual([]);
  }, 180_000);

  it('opens nothing when an hour of steady traffic arrives at once (judged on posting time)', async () => {
    await scenario(pipeline, 'backlog', 3_600);
    await settled(pipeline);
    expect(await spikeIncidents(pipeline)).toEqual([]);
    // The last minutes were judged, with history behind them.
    const [state] = await db<{ judged: string }>(
      `SELECT value->>'judged' AS judged FROM settings WHERE key = 'early_warning.keys'`,
    );
    expect(Number(state!.judged)).toBeGreaterThan(10);
  }, 180_000);

  it('turns the scripted outage into exactly one incident: Acme Cloud, outage, within two minutes', async () => {
    await expectOneIncident(pipeline, 'outage-spike', 'Acme Cloud', 'outage', seen);
  }, 300_000);

  it('turns the viral complaint into exactly one incident: AcmeBook Pro, safety, within two minutes', async () => {
    await expectOneIncident(pipeline, 'viral-complaint', 'AcmeBook Pro', 'safety', seen);
  }, 300_000);
});

describe('incident scenarios: a simulated day of steady and quiet traffic, then a restart with ten minutes of backlog', () => {
  const pipeline = new Pipeline({ suite: 'incident-scenarios-b' });
  beforeAll(async () => {
    await pipeline.start();
    // Every posted minute of the day is judged (by default only the last 15 minutes may open one).
    const res = await pipeline.apiFetch('/api/settings/early-warning', {
      method: 'PUT',
      body: JSON.stringify({ ...DEFAULT_EARLY_WARNING, judgeBackMinutes: 1_500 }),
    });
    if (res.status !== 200) throw new Error(`settings refused: ${res.status} ${await res.text()}`);
  }, 60_000);
  afterAll(() => pipeline.stop());

  it('opens nothing over a day (quiet night, steady day) with every minute judged', async () => {
    await scenario(pipeline, 'day', 86_400);
    await settled(pipeline, 300_000);
    expect(await spikeIncidents(pipeline)).toEqual([]);
    const [state] = await db<{ judged: string }>(
      `SELECT value->>'judged' AS judged FROM settings WHERE key = 'early_warning.keys'`,
    );
    // About 17 steady hours: well over a thousand (product, symptom, minute) buckets judged.
    expect(Number(state!.judged)).toBeGreaterThan(1_000);
  }, 420_000);

  it('opens nothing when the worker restarts to ten minutes of backlog', async () => {
    await pipeline.worker.kill();
    await scenario(pipeline, 'backlog', 600);
    pipeline.worker = pipeline.newWorker().start();
    await settled(pipeline);
    expect(await spikeIncidents(pipeline)).toEqual([]);
  }, 180_000);
});
