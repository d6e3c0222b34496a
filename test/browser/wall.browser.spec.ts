import { resolve } from 'node:path';
import type { MentionView, WallLayout } from '@lp/domain';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';

describe('wall screen in Chromium', () => {
  const pipeline = new Pipeline({ suite: 'wall-browser', env: { WEB_DIST_DIR: WEB_DIST } });
  let browser: Browser;
  let page: Page;
  const stream = () => page.getByTestId('wall-panel-stream').getByTestId('mention');
  const openWall = async (query = '') => {
    await page.goto(`${pipeline.apiUrl}/wall${query}`);
    await page.getByTestId('wall').waitFor({ timeout: 10_000 });
    await page.getByTestId('wall-panel-stream').waitFor({ timeout: 10_000 });
    await page.locator('.wall-live.status-live').waitFor({ timeout: 10_000 });
  };
  const storedMentions = async () => {
    const res = await pipeline.apiFetch('/api/mentions?limit=500');
    return ((await res.json()) as { items: MentionView[] }).items;
  };

  beforeAll(async () => {
    await pipeline.start();
    browser = await launchChromium();
    // A 1080p kiosk.
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${pipeline.apiUrl}/wall`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name=email]').fill(pipeline.admin.email);
    await form.locator('input[name=password]').fill(pipeline.admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('wall').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await pipeline.stop();
  });

  it('shows every panel of the default layout, and a mention from the simulator within two seconds', async () => {
    await openWall();
    for (const id of ['alerts', 'urgent', 'stream', 'sla', 'sentiment', 'coverage', 'volume']) {
      await page.getByTestId(`wall-panel-${id}`).waitFor({ timeout: 2_000 });
    }
    await pipeline.emit(1, 'outage');
    // Polls run every 200 ms here: two seconds covers poll, queue, score, store, push and the wall's sampling.
    await stream().first().waitFor({ timeout: 2_000 });
    const [stored] = await storedMentions();
    expect(await stream().first().getAttribute('data-mention-id')).toBe(stored!.id);
    expect(await stream().first().locator('.author-name').textContent()).toBe(stored!.author.name);

    // A busier screen for the picture: a spread of moods, some urgent.
    for (const mood of ['complaint', 'question', 'praise', 'safety', 'churn', 'complaint', 'outage', 'chatter']) {
      await pipeline.emit(2, mood);
    }
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=wall-held]')?.getAttribute('data-count')) >= 17,
      undefined,
      {
        timeout: 10_000,
      },
    );
    await page.getByTestId('wall-panel-urgent').getByTestId('mention').first().waitFor({ timeout: 5_000 });
    // The SLA board asks the server again at most every 5 s after mentions arrive.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=sla-open]')?.textContent) > 0,
      undefined,
      {
        timeout: 10_000,
      },
    );
    await page.screenshot({ path: resolve(SCREENSHOTS, 'wall.png') });
  });

  it('renders HTML and script in text and author names as inert text', async () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold</b>`;
    const name = `<script>window.__xss=3</script>Mallory`;
    await pipeline.emit(1, undefined, { text: payload, authorName: name });
    const row = stream().filter({ hasText: 'onerror' });
    await row.waitFor({ timeout: 5_000 });
    expect(await row.locator('.mention-text').textContent()).toBe(payload);
    expect(await row.locator('.author-name').textContent()).toBe(name);
    expect(await page.getByTestId('wall').locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('hides author names and handles with ?private=1', async () => {
    await pipeline.emit(1, 'complaint', { authorName: 'Visible Vera' });
    await openWall('?private=1');
    await stream().first().waitFor({ timeout: 5_000 });
    const mentions = await storedMentions();
    expect(mentions.some((m) => m.author.name === 'Visible Vera')).toBe(true);
    const wall = page.getByTestId('wall');
    expect(await wall.getAttribute('data-private')).toBe('true');
    const names = await wall.locator('.author-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['a customer']));
    expect(await wall.locator('.author-handle').count()).toBe(0);
    const shown = (await wall.textContent()) ?? '';
    for (const m of mentions) {
      expect(shown).not.toContain(m.author.name);
      expect(shown).not.toContain(`@${m.author.handle}`);
    }
    await page.screenshot({ path: resolve(SCREENSHOTS, 'wall-private.png') });
  });

  it('lays itself out from the saved layout named in ?layout=', async () => {
    const layout: WallLayout = {
      columns: 3,
      rows: 2,
      panels: [
        { id: 'stream', column: 1, row: 1, width: 2, height: 2 },
        { id: 'sla', column: 3, row: 1, width: 1, height: 1 },
        { id: 'coverage', column: 3, row: 2, width: 1, height: 1 },
      ],
    };
    const res = await pipeline.apiFetch('/api/wall-layouts/lobby', { method: 'PUT', body: JSON.stringify({ layout }) });
    expect(res.status).toBe(200);
    await openWall('?layout=lobby');
    const panels = await page
      .locator('[data-testid^="wall-panel-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(panels).toEqual(['wall-panel-stream', 'wall-panel-sla', 'wall-panel-coverage']);
    expect(await page.locator('.wall-footer').textContent()).toContain('layout lobby v1');
  });

  it('shows the stale banner when the api goes away, then clears it and catches up when it returns', async () => {
    await openWall();
    await stream().first().waitFor({ timeout: 5_000 });
    const before = Number(await page.getByTestId('wall-held').getAttribute('data-count'));
    await pipeline.api.stop();
    await page.getByTestId('stale-banner').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('stale-banner').textContent()).toMatch(/Connection lost/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'wall-stale.png') });

    // Ingested while the wall was cut off: only the catch-up can bring these.
    await pipeline.emit(3);
    await new Promise((r) => setTimeout(r, 1_500));
    pipeline.api = pipeline.newApi().start();

    await page.getByTestId('stale-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=wall-held]')?.getAttribute('data-count')) === n,
      before + 3,
      { timeout: 10_000 },
    );
  });
});
