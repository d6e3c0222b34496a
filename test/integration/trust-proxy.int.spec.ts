import type { SolutionView } from '@lp/domain';
import { createUser } from '../support/actors';
import { Pipeline } from '../support/pipeline';

/**
 * Behind one reverse proxy (TRUST_PROXY=1) the api takes the client's address from the entry the
 * proxy appended to X-Forwarded-For, so the public page's rate limit (10 votes a minute per address)
 * counts each customer on their own, and an address a client writes into the header itself is not
 * believed.
 */
describe('TRUST_PROXY: client addresses behind a reverse proxy', () => {
  const pipeline = new Pipeline({ suite: 'trust-proxy', env: { TRUST_PROXY: '1' } });
  let slug = '';

  beforeAll(async () => {
    await pipeline.start();
    const agent = await createUser(pipeline, 1, 'agent');
    const res = await pipeline.apiFetch(
      '/api/solutions',
      {
        method: 'POST',
        body: JSON.stringify({
          title: 'Router drops Wi-Fi at night',
          problem: 'The router drops Wi-Fi every evening',
          fix: 'Turn off the nightly channel scan in Settings, then restart the router.',
        }),
      },
      agent.token,
    );
    expect(res.status).toBe(201);
    slug = ((await res.json()) as SolutionView).slug;
  });
  afterAll(() => pipeline.stop());

  /** A vote as the proxy forwards it: `forwardedFor` is the header after the proxy appended its peer. */
  const vote = (forwardedFor: string, visitor: number) =>
    fetch(`${pipeline.apiUrl}/s/${slug}/feedback`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': `visitor-${visitor}`,
        'x-forwarded-for': forwardedFor,
      },
      body: new URLSearchParams({ worked: 'yes' }).toString(),
    }).then((r) => r.status);

  it('counts customers behind the proxy one by one', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i++) statuses.push(await vote(`198.51.100.${i}`, i));
    expect(statuses).toEqual(Array.from({ length: 12 }, () => 303));
  });

  it('does not believe an address the client wrote into the header itself', async () => {
    const statuses: number[] = [];
    // The same customer (203.0.113.7, as the proxy saw it) claims a new address on every try.
    for (let i = 1; i <= 12; i++) statuses.push(await vote(`192.0.2.${i}, 203.0.113.7`, 100 + i));
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 303));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
