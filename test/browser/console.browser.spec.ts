import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/actors';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';

const PASSWORD = 'long-enough-password';

/** Signs in through the form, as a person does, and waits for the live connection. */
async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  const form = page.getByTestId('sign-in-form');
  await form.waitFor({ timeout: 10_000 });
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('connection-state').getByText('Live').waitFor({ timeout: 10_000 });
}

describe('agent console in Chromium', () => {
  const pipeline = new Pipeline({ suite: 'console', env: { WEB_DIST_DIR: WEB_DIST } });
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ana: TestUser;
  let ben: TestUser;
  let anaPage: Page;
  let benPage: Page;
  const rows = (page: Page) => page.getByTestId('queue-row');
  const row = (page: Page, mentionId: string) =>
    page.locator(`[data-testid="queue-row"][data-mention-id="${mentionId}"]`);
  /** Waits (two seconds at most) for a mention with this text in the queue; returns its id. */
  const queued = async (page: Page, text: string) => {
    const found = rows(page).filter({ hasText: text }).first();
    await found.waitFor({ timeout: 2_000 });
    return (await found.getAttribute('data-mention-id'))!;
  };

  beforeAll(async () => {
    await pipeline.start();
    [ana, ben] = [await createUser(pipeline, 'ana'), await createUser(pipeline, 'ben')];
    browser = await launchChromium();
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      contexts.push(context);
      return context.newPage();
    };
    [anaPage, benPage] = [await open(), await open()];

    // The sign-in form refuses a wrong password with a message, then takes the right one.
    await anaPage.goto(`${pipeline.apiUrl}/console`);
    const form = anaPage.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name=email]').fill(ana.email);
    await form.locator('input[name=password]').fill('not my password');
    await form.locator('input[name=password]').press('Enter');
    await anaPage.getByRole('alert').getByText('Wrong email or password.').waitFor({ timeout: 5_000 });
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'sign-in.png') });
    await signIn(anaPage, `${pipeline.apiUrl}/console`, ana.email, PASSWORD);
    await signIn(benPage, `${pipeline.apiUrl}/console`, ben.email, PASSWORD);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await pipeline.stop();
  });

  it('shows a mention from the simulator in the queue within two seconds, most urgent first', async () => {
    await pipeline.emit(1, 'question', { text: 'quick question about acme billing dates' });
    await pipeline.emit(1, 'outage', { text: 'acme is DOWN, total outage, nothing works, furious' });
    // Polls run every 200 ms here, so two seconds covers poll, queue, score, store and push.
    await queued(anaPage, 'total outage');
    await queued(anaPage, 'billing dates');
    const urgencies = await rows(anaPage).evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-urgency'))),
    );
    expect(urgencies).toEqual([...urgencies].sort((a, b) => b - a));
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'console.png') });
  });

  it('claims and replies in one browser while a second browser sees the claim, the presence and the reply', async () => {
    await pipeline.emit(1, 'complaint', { text: 'my acme router died after the update' });
    const mentionId = await queued(anaPage, 'router died');
    await row(benPage, mentionId).waitFor({ timeout: 2_000 });

    await row(anaPage, mentionId).click();
    await row(benPage, mentionId).click();
    await anaPage.keyboard.press('c');
    await anaPage.getByTestId('claim-state').getByText('You hold this mention').waitFor({ timeout: 3_000 });
    await benPage.getByTestId('claim-state').getByText(`Claimed by ${ana.name}`).waitFor({ timeout: 3_000 });
    await anaPage.getByTestId('presence').getByText(`Also here: ${ben.name}`).waitFor({ timeout: 3_000 });

    const text = 'Sorry about that! Hold the reset button for 10 s and it comes back.';
    await anaPage.keyboard.press('r');
    await anaPage.keyboard.type(text);
    await benPage.getByTestId('presence').getByText(`${ana.name} (typing…)`).waitFor({ timeout: 3_000 });
    expect(await anaPage.getByTestId('char-counter').textContent()).toBe(`${text.length} / 280`);
    await anaPage.keyboard.press('Control+Enter');

    const sent = benPage.locator('[data-testid="reply"][data-reply-status="sent"]');
    await sent.waitFor({ timeout: 5_000 });
    expect(await sent.locator('.reply-text').textContent()).toBe(text);
    await benPage.screenshot({ path: resolve(SCREENSHOTS, 'console-second-agent.png') });
    const posted = (await (await fetch(`${pipeline.simulatorUrl}/__sim/x/replies`)).json()) as {
      items: Array<{ text: string }>;
    };
    expect(posted.items.filter((r) => r.text === text)).toHaveLength(1);
    // Answered: it leaves the queue.
    await row(benPage, mentionId).waitFor({ state: 'detached', timeout: 3_000 });
  });

  it('lists the shortcuts on "?" and moves with j and k', async () => {
    await anaPage.keyboard.press('?');
    await anaPage.getByTestId('shortcuts').waitFor({ timeout: 2_000 });
    expect(await anaPage.getByTestId('shortcuts').textContent()).toMatch(/claim the mention/);
    await anaPage.keyboard.press('Escape');
    await anaPage.getByTestId('shortcuts').waitFor({ state: 'detached', timeout: 2_000 });
    const first = await rows(anaPage).nth(0).getAttribute('data-mention-id');
    const second = await rows(anaPage).nth(1).getAttribute('data-mention-id');
    await rows(anaPage).nth(0).click();
    await anaPage.keyboard.press('j');
    expect(await anaPage.getByTestId('mention-detail').getAttribute('data-mention-id')).toBe(second);
    await anaPage.keyboard.press('k');
    expect(await anaPage.getByTestId('mention-detail').getAttribute('data-mention-id')).toBe(first);
  });

  it('renders HTML and script in text and author names as inert text', async () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold</b> acme`;
    await pipeline.emit(1, undefined, { text: payload, authorName: `<script>window.__xss=3</script>Mallory` });
    const found = rows(anaPage).filter({ hasText: 'onerror' });
    await found.waitFor({ timeout: 5_000 });
    await found.click();
    const detail = anaPage.getByTestId('mention-detail');
    expect(await detail.locator('.detail-text').textContent()).toBe(payload);
    expect(await detail.locator('.author-name').first().textContent()).toBe('<script>window.__xss=3</script>Mallory');
    expect(await anaPage.locator('[data-testid="console"]').locator('img, script, b').count()).toBe(0);
    expect(await anaPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('shows the stale banner when the api goes away, then clears it and catches up when it returns', async () => {
    await pipeline.api.stop();
    await anaPage.getByTestId('stale-banner').waitFor({ timeout: 10_000 });
    expect(await anaPage.getByTestId('stale-banner').textContent()).toMatch(/Connection lost/);
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'console-stale.png') });

    // Ingested while the screen was cut off: no event reaches it, so only catch-up can show it.
    await pipeline.emit(1, 'complaint', { text: 'posted while the console was offline' });
    await new Promise((r) => setTimeout(r, 1_500));
    pipeline.api = pipeline.newApi().start();
    await anaPage.getByTestId('stale-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await rows(anaPage).filter({ hasText: 'posted while the console was offline' }).waitFor({ timeout: 10_000 });
  });

  it('stays signed in across a reload (session cookie) and signs out', async () => {
    await anaPage.reload();
    await anaPage.getByTestId('connection-state').getByText('Live').waitFor({ timeout: 10_000 });
    await anaPage.getByTestId('sign-out').click();
    await anaPage.getByTestId('sign-in-form').waitFor({ timeout: 5_000 });
    await anaPage.reload();
    await anaPage.getByTestId('sign-in-form').waitFor({ timeout: 5_000 });
  });
});
