import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';

describe('live page in Chromium', () => {
  const pipeline = new Pipeline({ suite: 'browser', env: { WEB_DIST_DIR: WEB_DIST } });
  let browser: Browser;
  let page: Page;
  const mentions = () => page.getByTestId('mention');

  beforeAll(async () => {
    await pipeline.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(pipeline.apiUrl);
    // Signs in as a person does: the form first, with a wrong password, then the right one.
    const form = page.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name=email]').fill(pipeline.admin.email);
    await form.locator('input[name=password]').fill('not my password');
    await form.locator('input[name=password]').press('Enter');
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'sign-in.png') });
    await form.locator('input[name=password]').fill(pipeline.admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('connection-state').getByText('Live').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await pipeline.stop();
  });

  it('shows a mention from the simulator within two seconds of it being polled, newest first', async () => {
    await pipeline.emit(3);
    // Polls run every 200 ms here, so two seconds covers poll, queue, score, store and push.
    await mentions().nth(2).waitFor({ timeout: 2_000 });
    const ids = await mentions().evaluateAll((els) => els.map((el) => el.getAttribute('data-mention-id')));
    expect(new Set(ids).size).toBe(3);
    expect(await page.locator('.count').textContent()).toBe('3 mentions');
    const times = await mentions()
      .locator('time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());
    await page.screenshot({ path: resolve(SCREENSHOTS, 'live.png') });
  });

  it('renders HTML and script in text and author names as inert text', async () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold</b>`;
    await pipeline.emit(1, undefined, { text: payload, authorName: `<script>window.__xss=3</script>Mallory` });
    const row = mentions().filter({ hasText: 'onerror' });
    await row.waitFor({ timeout: 5_000 });
    expect(await row.locator('.mention-text').textContent()).toBe(payload);
    expect(await row.locator('.author-name').textContent()).toBe('<script>window.__xss=3</script>Mallory');
    expect(await row.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('shows the stale banner when the api goes away, then clears it and catches up when it returns', async () => {
    const before = await mentions().count();
    await pipeline.api.stop();
    await page.getByTestId('stale-banner').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('stale-banner').textContent()).toMatch(/Connection lost/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'live-stale.png') });

    // Ingested while the screen was cut off: no event reaches it, so only catch-up can show these.
    await pipeline.emit(4);
    await new Promise((r) => setTimeout(r, 1_500));
    pipeline.api = pipeline.newApi().start();

    await page.getByTestId('stale-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="mention"]').length === n, before + 4, {
      timeout: 10_000,
    });
    expect(await mentions().count()).toBe(before + 4);
  });

  // Last: it leaves the X source failing.
  it('shows source health live: the X source turns from ok to failing when X refuses its token', async () => {
    const xSource = page.getByTestId('source-health').locator('li', { hasText: 'X brand search' });
    await xSource.getByText('ok').waitFor({ timeout: 10_000 });
    await pipeline.fault('unauthorized', 100);
    await xSource.getByText('failing').waitFor({ timeout: 10_000 });
    expect(await xSource.getAttribute('title')).toMatch(/X refused the credentials/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'live-source-failing.png') });
  });

  it('stays signed in across a reload (session cookie) and signs out', async () => {
    await page.reload();
    await page.getByTestId('connection-state').getByText('Live').waitFor({ timeout: 10_000 });
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor({ timeout: 5_000 });
    await page.reload();
    await page.getByTestId('sign-in-form').waitFor({ timeout: 5_000 });
  });
});
