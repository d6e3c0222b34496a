import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checkReplyText,
  type ReplyView,
  type SolutionStats,
  type SolutionSuggestion,
  type SolutionView,
} from '@lp/domain';
import { createUser, newMention, type TestUser } from '../support/actors';
import { Pipeline, RecordingClient } from '../support/pipeline';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

const WEB_DIST = resolve(__dirname, '../../apps/web/dist');

describe('solutions: a fix given once is reused, public, and confirmed by the customers it helped', () => {
  // With the web app served (when built), so the test also shows its SPA fallback does not swallow /s/*.
  const pipeline = new Pipeline({ suite: 'solutions', env: { WEB_DIST_DIR: WEB_DIST } });
  let agent: TestUser;
  let volunteer: TestUser;
  let manager: TestUser;
  let solution: SolutionView;
  let screen: RecordingClient;

  beforeAll(async () => {
    await pipeline.start();
    // Another console with the mention open: it must hear that the reply became a solution.
    screen = new RecordingClient(pipeline.apiUrl, pipeline.accessToken);
    await screen.connected();
    [agent, volunteer, manager] = [
      await createUser(pipeline, 1, 'agent'),
      await createUser(pipeline, 2, 'volunteer'),
      await createUser(pipeline, 3, 'manager'),
    ];
  });
  afterAll(async () => {
    screen?.close();
    await pipeline.stop();
  });

  let keys = 0;
  const as = (user: TestUser, path: string, init: RequestInit = {}) => pipeline.apiFetch(path, init, user.token);
  const post = (user: TestUser, path: string, body: object, headers: Record<string, string> = {}) =>
    as(user, path, { method: 'POST', body: JSON.stringify(body), headers });
  const replyToMention = async (mentionId: string, text: string): Promise<ReplyView> => {
    expect((await post(agent, `/api/mentions/${mentionId}/claim`, {})).status).toBe(200);
    const res = await post(
      agent,
      `/api/mentions/${mentionId}/replies`,
      { text },
      { 'idempotency-key': `sol-${++keys}-key` },
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as ReplyView;
    return waitFor(`reply ${id} sent`, async () => {
      const list = (await (await as(agent, `/api/mentions/${mentionId}/replies`)).json()) as { items: ReplyView[] };
      return list.items.find((r) => r.id === id && r.status === 'sent');
    });
  };
  const repliesOf = async (mentionId: string): Promise<ReplyView[]> => {
    const res = await as(agent, `/api/mentions/${mentionId}/replies`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: ReplyView[] }).items;
  };
  /** A visitor of the public page: a browser with its own user agent and cookie jar. */
  const visitor = (userAgent: string) => {
    let cookie = '';
    return {
      vote: async (worked: 'yes' | 'no', comment = '', slug = solution.slug) => {
        const res = await fetch(`${pipeline.apiUrl}/s/${slug}/feedback`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent, cookie },
          body: new URLSearchParams({ worked, comment }).toString(),
        });
        const set = res.headers.get('set-cookie');
        if (set) cookie = set.split(';')[0]!;
        return res;
      },
      forget: () => (cookie = ''),
    };
  };
  const page = async (slug = solution.slug) => {
    const res = await fetch(`${pipeline.apiUrl}/s/${slug}`);
    return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
  };
  const counts = async () =>
    (
      await query<{ worked_count: number; failed_count: number }>(
        TEST_DATABASE_URL,
        'SELECT worked_count, failed_count FROM solutions WHERE id = $1',
        [solution.id],
      )
    )[0]!;

  it("answers customer A with a reply, saves it as a solution, and counts A's confirmation from the conversation", async () => {
    const complaintA = await newMention(pipeline, {
      text: '@acme my Acme Router X2 keeps dropping the wifi every few minutes since the firmware update',
    });
    // A volunteer's draft on the same mention first: a second reply that is never saved.
    expect((await post(volunteer, `/api/mentions/${complaintA}/claim`, {})).status).toBe(200);
    const drafted = await post(
      volunteer,
      `/api/mentions/${complaintA}/replies`,
      { text: 'Have you tried turning it off and on again?' },
      { 'idempotency-key': `sol-${++keys}-key` },
    );
    expect(drafted.status).toBe(201);
    const draft = (await drafted.json()) as ReplyView;
    expect(draft).toMatchObject({ status: 'pending_approval', solution: null });
    expect((await post(volunteer, `/api/mentions/${complaintA}/release`, {})).status).toBe(204);
    const reply = await replyToMention(
      complaintA,
      'Sorry about that! Turn off Band steering in the Acme app (Settings > Wi-Fi), then restart the router. That stops the drops.',
    );

    // Only writers make solutions: a volunteer may not, by either route.
    expect((await post(volunteer, `/api/replies/${reply.id}/solution`, { title: 'Nope' })).status).toBe(403);
    expect((await post(volunteer, '/api/solutions', { title: 'Nope', problem: 'p p p', fix: 'f f f' })).status).toBe(
      403,
    );

    const saved = await post(agent, `/api/replies/${reply.id}/solution`, {
      title: 'Router X2 drops Wi-Fi after the firmware update',
      product: 'Acme Router X2',
      fix: 'Turn off **Band steering** in the Acme app (Settings > Wi-Fi), then restart the router. Guide: https://help.acme.test/band-steering <img src=x onerror=alert(1)>',
      team: 'Networking',
    });
    expect(saved.status).toBe(201);
    solution = (await saved.json()) as SolutionView;
    expect(solution).toMatchObject({ sourceReplyId: reply.id, version: 1, language: 'en', product: 'Acme Router X2' });
    expect(solution.slug).toMatch(/^router-x2-drops-wi-fi-after-the-firmware-update-[a-z0-9]{6}$/);
    expect(solution.problem).toContain('keeps dropping the wifi');
    // The reply now says which solution it became, so a reloaded console shows the link, not the button.
    const listed = await repliesOf(complaintA);
    expect(listed.map((r) => r.id).sort()).toEqual([draft.id, reply.id].sort());
    expect(listed.find((r) => r.id === reply.id)!.solution).toEqual({ id: solution.id, slug: solution.slug });
    expect(listed.find((r) => r.id === draft.id)!.solution).toBeNull();
    const everyReply = (await (await as(agent, '/api/replies?limit=500')).json()) as { items: ReplyView[] };
    expect(everyReply.items.find((r) => r.id === reply.id)!.solution?.slug).toBe(solution.slug);
    // Other consoles hear it as a newer state of the reply; an older or equal updatedAt they would drop.
    const announced = await waitFor(
      'reply.updated with the solution',
      async () =>
        screen.events.flatMap((e) =>
          e.type === 'reply.updated' && e.payload.id === reply.id && e.payload.solution ? [e.payload] : [],
        )[0],
    );
    expect(announced.solution).toEqual({ id: solution.id, slug: solution.slug });
    expect(announced.updatedAt > reply.updatedAt).toBe(true);
    // A reply is saved once.
    expect((await post(agent, `/api/replies/${reply.id}/solution`, { title: 'Again' })).status).toBe(409);

    // Customer A answers our reply on X: "thanks, that fixed it".
    const followUp = await fetch(`${pipeline.simulatorUrl}/__sim/x/follow-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replyId: reply.platformReplyId, text: '@acme thanks, that fixed it! works now' }),
    });
    expect(followUp.status).toBe(201);
    const outcome = await waitFor('the follow-up judged', async () => {
      const rows = await query<{ outcome: string; reply_id: string; solution_id: string }>(
        TEST_DATABASE_URL,
        'SELECT outcome, reply_id, solution_id FROM reply_outcomes',
      );
      return rows[0];
    });
    expect(outcome).toEqual({ outcome: 'confirmed', reply_id: reply.id, solution_id: solution.id });
    expect(await counts()).toEqual({ worked_count: 1, failed_count: 0 });
    // The follow-up is a mention answering our reply, linked by X's referenced_tweets.
    const [linked] = await query<{ in_reply_to_external_id: string }>(
      TEST_DATABASE_URL,
      "SELECT in_reply_to_external_id FROM mentions WHERE text LIKE '%that fixed it%'",
    );
    expect(linked!.in_reply_to_external_id).toBe(reply.platformReplyId);
    // Sweeps keep running: the verdict is still stored once.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await query(TEST_DATABASE_URL, 'SELECT id FROM reply_outcomes')).length).toBe(1);
  });

  it("suggests that solution first for customer B's similar complaint, with a short answer that fits X", async () => {
    const other = await post(agent, '/api/solutions', {
      title: 'Acme Buds will not charge in the case',
      problem: 'The Acme Buds do not charge when placed in the charging case',
      fix: 'Clean the contacts with a dry cloth and reseat the buds.',
      product: 'Acme Buds',
    });
    expect(other.status).toBe(201);
    const complaintB = await newMention(pipeline, {
      text: '@acme wifi on my Acme Router X2 keeps dropping since the update, help please',
    });
    const res = await as(agent, `/api/mentions/${complaintB}/solutions`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: SolutionSuggestion[] };
    expect(items[0]!.solution.id).toBe(solution.id);
    expect(items[0]!.reasons).toEqual(expect.arrayContaining(['same product', 'worked for 1']));
    expect(items.map((i) => i.solution.title)).not.toContain('Acme Buds will not charge in the case');
    expect(items[0]!.url).toBe(`http://localhost:3000/s/${solution.slug}`);
    expect(items[0]!.shortAnswer.endsWith(items[0]!.url)).toBe(true);
    expect(checkReplyText('x', items[0]!.shortAnswer).valid).toBe(true);
    // Volunteers reply too, so they see suggestions.
    expect((await as(volunteer, `/api/mentions/${complaintB}/solutions`)).status).toBe(200);
  });

  it("counts customer B's public vote, and the page shows worked for 2 without any sign-in", async () => {
    const b = visitor('customer-b-browser');
    const vote = await b.vote('yes', 'Worked for me too');
    expect(vote.status).toBe(303);
    expect(vote.headers.get('location')).toBe(`/s/${solution.slug}?voted=1#feedback`);
    expect(vote.headers.get('set-cookie')).toMatch(/lp_visitor=[^;]+;.*HttpOnly/i);
    expect(await counts()).toEqual({ worked_count: 2, failed_count: 0 });

    const { status, html, type } = await page();
    expect(status).toBe(200);
    expect(type).toMatch(/text\/html/);
    expect(html).toContain('Worked for 2 customers');
    expect(html).toMatch(/last confirmed <time datetime="\d{4}-/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Router X2 drops Wi-Fi after the firmware update</title>');
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000/s/${solution.slug}">`);
    expect(html).toContain('<meta property="og:title" content="Router X2 drops Wi-Fi after the firmware update">');
    expect(html).toMatch(/<meta name="description" content="[^"]*keeps dropping the wifi/);
    expect(html).toContain(`<form method="post" action="/s/${solution.slug}/feedback">`);
    // Markdown rendered, raw HTML shown as text, links marked as user content; no script, no SPA bundle.
    expect(html).toContain('<strong>Band steering</strong>');
    expect(html).toContain('<a href="https://help.acme.test/band-steering" rel="nofollow noopener ugc">');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('Worked: Worked for me too');
  });

  it('counts repeated votes from one visitor once, with or without the cookie', async () => {
    const c = visitor('customer-c-browser');
    for (let i = 0; i < 3; i++) expect((await c.vote('no')).status).toBe(303);
    expect(await counts()).toEqual({ worked_count: 2, failed_count: 1 });
    // The cookie cleared: recognised by the keyed hash of IP and user agent instead.
    c.forget();
    expect((await c.vote('no')).status).toBe(303);
    expect(await counts()).toEqual({ worked_count: 2, failed_count: 1 });
    // Changing one's mind replaces the vote.
    expect((await c.vote('yes')).status).toBe(303);
    expect(await counts()).toEqual({ worked_count: 3, failed_count: 0 });
    // Only hashes are stored, never the address.
    const rows = await query<Record<string, unknown>>(TEST_DATABASE_URL, 'SELECT * FROM solution_feedback');
    expect(JSON.stringify(rows)).not.toMatch(/127\.0\.0\.1|customer-c-browser/);
  });

  it('renders a script in a comment as text, bounds comments, and 404s an unknown slug', async () => {
    const d = visitor('customer-d-browser');
    expect((await d.vote('no', '<script>alert("pwned")</script> & "quotes"')).status).toBe(303);
    const { html } = await page();
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<script>');
    expect((await visitor('customer-e').vote('yes', 'x'.repeat(1_001))).status).toBe(400);
    expect((await visitor('customer-f').vote('maybe' as 'yes')).status).toBe(400);

    const missing = await page('no-such-solution-abc123');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Solution not found');
    expect((await page('..%2F..%2Fetc')).status).toBe(404);
    expect((await visitor('customer-g').vote('yes', '', 'no-such-solution-abc123')).status).toBe(404);
  });

  it('needs no token for the public page, but a token for /api/solutions', async () => {
    expect((await page()).status).toBe(200);
    if (existsSync(resolve(WEB_DIST, 'index.html'))) {
      // The SPA still answers its own routes, with its bundle; /s/* never gets it.
      const spa = await (await fetch(`${pipeline.apiUrl}/console`)).text();
      expect(spa).toMatch(/<script/);
      expect((await page()).html).not.toMatch(/<script/);
    }
    expect((await fetch(`${pipeline.apiUrl}/api/solutions`)).status).toBe(401);
    expect((await fetch(`${pipeline.apiUrl}/api/solutions/${solution.id}`)).status).toBe(401);
    expect((await as(agent, '/api/solutions')).status).toBe(200);
  });

  it('versions every edit and keeps the slug', async () => {
    const res = await as(agent, `/api/solutions/${solution.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Router X2 drops Wi-Fi after firmware 2.1', topic: 'connectivity' }),
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as SolutionView;
    expect(edited).toMatchObject({ version: 2, slug: solution.slug, topic: 'connectivity', product: 'Acme Router X2' });
    const versions = (await (await as(agent, `/api/solutions/${solution.id}/versions`)).json()) as {
      items: Array<{ version: number; title: string; editedBy: string }>;
    };
    expect(versions.items.map((v) => [v.version, v.title])).toEqual([
      [2, 'Router X2 drops Wi-Fi after firmware 2.1'],
      [1, 'Router X2 drops Wi-Fi after the firmware update'],
    ]);
    expect((await page()).html).toContain('<title>Router X2 drops Wi-Fi after firmware 2.1</title>');
  });

  it('credits a failure to the solution whose link a reply carried, from the simulator phrasing', async () => {
    const complaint = await newMention(pipeline, {
      text: '@acme Acme Router X2 wifi dropping all the time after update',
    });
    const { items } = (await (await as(agent, `/api/mentions/${complaint}/solutions`)).json()) as {
      items: SolutionSuggestion[];
    };
    expect(items[0]!.solution.id).toBe(solution.id);
    // The agent inserts the short answer as it is: the link in the text ties the reply to the solution.
    const reply = await replyToMention(complaint, items[0]!.shortAnswer);
    const res = await fetch(`${pipeline.simulatorUrl}/__sim/x/follow-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replyId: reply.platformReplyId, outcome: 'failed' }),
    });
    expect(res.status).toBe(201);
    const verdict = await waitFor('the failure judged', async () => {
      const rows = await query<{ outcome: string; solution_id: string }>(
        TEST_DATABASE_URL,
        'SELECT outcome, solution_id FROM reply_outcomes WHERE reply_id = $1',
        [reply.id],
      );
      return rows[0];
    });
    expect(verdict).toEqual({ outcome: 'failed', solution_id: solution.id });
    const [linked] = await query<{ solution_id: string }>(
      TEST_DATABASE_URL,
      'SELECT solution_id FROM replies WHERE id = $1',
      [reply.id],
    );
    expect(linked!.solution_id).toBe(solution.id);
    // Carrying the link does not make this reply the solution's source.
    expect((await repliesOf(complaint)).find((r) => r.id === reply.id)!.solution).toBeNull();
  });

  it('gives managers the outcome rate, reuse, failures and problems answered without a solution', async () => {
    // A reply with no solution, so the "answered without one" list has something.
    const plain = await newMention(pipeline, { text: '@acme my Acme Watch strap snapped after two days' });
    await replyToMention(plain, 'So sorry! DM us your order number and we will send a new strap.');
    expect((await as(agent, '/api/solutions/stats')).status).toBe(403);
    const res = await as(manager, '/api/solutions/stats');
    expect(res.status).toBe(200);
    const stats = (await res.json()) as SolutionStats;
    expect(stats.outcomes).toMatchObject({ confirmed: 1, failed: 1, unclear: 0, confirmedShare: 0.5 });
    expect(stats.mostReused[0]).toMatchObject({ id: solution.id, uses: 2 });
    expect(stats.unanswered.flatMap((u) => u.terms)).toEqual(expect.arrayContaining(['strap']));
  });

  it('rate-limits the feedback form', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await visitor(`flood-${i}`).vote('yes')).status);
    expect(statuses).toContain(429);
  });
});
