import type { MentionView } from '@lp/domain';
import { Pipeline } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

interface ScoredRow {
  id: string;
  lang: string;
  sentiment: string;
  complaint: number;
  urgency_level: string;
  reasons: string[];
  author_followers: number;
  author_verified: boolean;
}

/** A long, neutral, news-like post in English (over 600 characters). */
const NEWS = [
  'Acme published its quarterly report on Tuesday. The company said revenue from the Acme Cloud business grew',
  'compared with the same quarter last year, and that the AcmeBook line will get a refreshed model in the autumn.',
  'The report lists the number of employees, the regions where the company operates and the dates of the next',
  'shareholder meeting, which will take place in Dublin in March. Analysts expect the board to discuss the budget',
  'for new data centres in Europe and Asia. The company also confirmed that its annual developer conference will',
  'run for three days in Seattle, with sessions on networking, storage and software updates for existing devices.',
].join(' ');

/**
 * A database of its own: another suite starting meanwhile truncates the shared test database (its
 * mentions and sources), which would lose this suite's rows mid-test.
 */
const DATABASE_URL = (() => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `${url.pathname}_scoring_ingest`;
  return url.toString();
})();

describe('scoring at ingest: simulator X search → poller → ingest queue → worker scoring → PostgreSQL → API', () => {
  const pipeline = new Pipeline({ suite: 'scoring-ingest', databaseUrl: DATABASE_URL });
  beforeAll(() => pipeline.start());
  afterAll(() => pipeline.stop());

  /** The stored, scored row of the one post an emit made (found by its X id), once ingested. */
  const storedRow = (externalId: string): Promise<ScoredRow> =>
    waitFor(
      `the mention of X post ${externalId}`,
      async () =>
        (
          await query<ScoredRow>(
            DATABASE_URL,
            `SELECT id, lang, sentiment, complaint, urgency_level, reasons, author_followers, author_verified
             FROM mentions WHERE platform = 'x' AND external_id = $1`,
            [externalId],
          )
        )[0],
      30_000,
    );

  /** Emits one post, waits for it to be stored, and reads it back from the API too. */
  const ingest = async (script: Parameters<Pipeline['emit']>[2]) => {
    const { firstId } = await pipeline.emit(1, undefined, script);
    const row = await storedRow(firstId);
    const res = await pipeline.apiFetch(`/api/mentions/${row.id}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as MentionView;
    expect(view).toMatchObject({
      externalId: firstId,
      lang: row.lang,
      sentiment: row.sentiment,
      urgencyLevel: row.urgency_level,
      reasons: row.reasons,
    });
    return { row, view };
  };

  it('detects Spanish in an outage complaint sent without a language, and pages on-call for a verified big author', async () => {
    const { row, view } = await ingest({
      text: 'el servicio se cayó otra vez, nadie responde',
      verified: true,
      followers: 250_000,
    });
    expect(row).toMatchObject({
      lang: 'es',
      urgency_level: 'critical',
      author_followers: 250_000,
      author_verified: true,
    });
    expect(row.reasons).toEqual(expect.arrayContaining(['outage', 'nobody answers']));
    expect(view.author).toMatchObject({ followers: 250_000, verified: true });
  });

  it('detects French praise and scores it positive', async () => {
    const { row } = await ingest({
      text: "Merci à l'équipe Acme, le service client a été formidable et très rapide, je suis ravi !",
    });
    expect(row).toMatchObject({ lang: 'fr', sentiment: 'positive' });
  });

  it('scores a long neutral English news post neutral and not a complaint', async () => {
    expect(NEWS.length).toBeGreaterThan(600);
    const { row } = await ingest({ text: NEWS, lang: 'en' });
    expect(row).toMatchObject({ lang: 'en', sentiment: 'neutral' });
    expect(row.complaint).toBeLessThan(0.5);
  });

  it('marks a post in a language the model does not cover', async () => {
    const { row } = await ingest({
      text: 'de app werkt al de hele ochtend niet, wat is hier aan de hand?',
      lang: 'nl',
    });
    expect(row.lang).toBe('nl');
    expect(row.reasons).toContain('language not covered');
  });
});
