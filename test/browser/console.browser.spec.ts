import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/actors';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';
import { storeMentions } from '../support/stored-mentions';

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

  /** Loads the console afresh (nothing of the tab's memory left) at this query, and waits for the live connection. */
  const openConsole = async (page: Page, query = '') => {
    await page.goto(`${pipeline.apiUrl}/console${query}`);
    await page.getByTestId('connection-state').getByText('Live').waitFor({ timeout: 10_000 });
  };
  const detailOf = (page: Page, mentionId: string) =>
    page.locator(`[data-testid="mention-detail"][data-mention-id="${mentionId}"]`);
  /** Waits for the address to name this mention as the open one. */
  const linkedTo = (page: Page, mentionId: string) =>
    page.waitForFunction((id) => new URL(window.location.href).searchParams.get('mention') === id, mentionId, {
      timeout: 3_000,
    });

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

  it('saves a sent reply as a solution from the console and links its public page', async () => {
    const mentionText = 'my acme modem drops wifi every evening, any fix?';
    await pipeline.emit(1, 'complaint', { text: mentionText });
    const mentionId = await queued(anaPage, 'drops wifi every evening');
    await row(anaPage, mentionId).click();
    await anaPage.keyboard.press('c');
    await anaPage.getByTestId('claim-state').getByText('You hold this mention').waitFor({ timeout: 3_000 });
    const fix = 'Turn off band steering in the modem settings; the evening drops stop.';
    await anaPage.keyboard.press('r');
    await anaPage.keyboard.type(fix);
    await anaPage.keyboard.press('Control+Enter');

    const detail = anaPage.locator(`[data-testid="mention-detail"][data-mention-id="${mentionId}"]`);
    const reply = detail.locator('[data-testid="reply"][data-reply-status="sent"]');
    await reply.waitFor({ timeout: 5_000 });
    await reply.getByRole('button', { name: 'Save as solution' }).click();
    const form = reply.getByRole('form', { name: 'Save as solution' });
    const title = form.getByLabel('Title');
    // Prefilled with the server's own defaults, and the title input has the focus.
    expect(await title.inputValue()).toBe(mentionText);
    expect(await form.getByLabel('Problem').inputValue()).toBe(mentionText);
    expect(await form.getByLabel('Fix').inputValue()).toBe(fix);
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);

    // A title the server refuses: the reason shows next to the form and nothing typed is lost.
    await title.fill('ab');
    await form.getByRole('button', { name: 'Save solution' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor({ timeout: 3_000 });
    expect(await refusal.textContent()).toMatch(/title must be longer than or equal to 3 characters/);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.inputValue()).toBe('ab');
    expect(await form.getByLabel('Fix').inputValue()).toBe(fix);
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'console-solution-form.png') });

    const solutionTitle = 'Modem drops wifi every evening';
    await title.fill(solutionTitle);
    await title.press('Enter');
    const link = reply.getByTestId('solution-link');
    await link.waitFor({ timeout: 3_000 });
    expect(await reply.getByRole('button', { name: 'Save as solution' }).count()).toBe(0);
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/s\/modem-drops-wifi-every-evening-[0-9a-f]{6}$/);
    expect(await link.textContent()).toContain(href);
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'console-solution-saved.png') });

    const page = await fetch(`${pipeline.apiUrl}${href}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(solutionTitle);
    expect(html).toContain('band steering');

    // After a reload nothing of this tab's memory is left: the link must come from the reply itself.
    // Answered, the mention has left the queue; its console link opens it again.
    await openConsole(anaPage, `?mention=${mentionId}`);
    const again = detail.locator('[data-testid="reply"][data-reply-status="sent"]');
    // The link first: the replies load after the mention opens, so "no button" alone proves nothing.
    await again.getByTestId('solution-link').waitFor({ timeout: 5_000 });
    expect(await again.getByTestId('solution-link').getAttribute('href')).toBe(href);
    expect(await again.getByRole('button', { name: 'Save as solution' }).count()).toBe(0);
  });

  it('opens a mention by its link whatever its status, keeps the open one in the address, and says when a link names none', async () => {
    await pipeline.emit(1, 'complaint', { text: 'the acme app logs me out every hour' });
    await pipeline.emit(1, 'question', { text: 'does acme ship to iceland?' });
    const answeredId = await queued(anaPage, 'logs me out every hour');
    const otherId = await queued(anaPage, 'ship to iceland');

    await row(anaPage, answeredId).click();
    await linkedTo(anaPage, answeredId);
    await anaPage.keyboard.press('c');
    await anaPage.getByTestId('claim-state').getByText('You hold this mention').waitFor({ timeout: 3_000 });
    const text = 'Sorry! Version 4.2 of the app keeps you signed in; please update.';
    await anaPage.keyboard.press('r');
    await anaPage.keyboard.type(text);
    await anaPage.keyboard.press('Control+Enter');
    await detailOf(anaPage, answeredId).locator('[data-testid="reply"][data-reply-status="sent"]').waitFor({
      timeout: 5_000,
    });
    await row(anaPage, answeredId).waitFor({ state: 'detached', timeout: 3_000 });

    // A fresh load: the queue is there (the other mention is in it) and the answered one is not.
    await openConsole(anaPage);
    await row(anaPage, otherId).waitFor({ timeout: 5_000 });
    expect(await row(anaPage, answeredId).count()).toBe(0);

    // Its link opens it with its thread, though it is still not in the queue.
    await openConsole(anaPage, `?mention=${answeredId}`);
    const detail = detailOf(anaPage, answeredId);
    const sent = detail.locator('[data-testid="reply"][data-reply-status="sent"]');
    await sent.waitFor({ timeout: 5_000 });
    expect(await sent.locator('.reply-text').textContent()).toBe(text);
    expect(await sent.getByRole('button', { name: 'Save as solution' }).count()).toBe(1);
    expect(await detail.getByTestId('claim-state').textContent()).toBe('Replied');
    // Answered: the composer area says so instead of asking for a claim, and the SLA clock has stopped.
    expect(await detail.getByTestId('composer-locked').textContent()).toBe('Replied — reopen it to reply again.');
    expect(await detail.getByText('Claim it', { exact: false }).count()).toBe(0);
    expect(await detail.getByRole('button', { name: 'Claim (c)' }).count()).toBe(0);
    expect(await detail.getByTestId('sla-line').textContent()).toMatch(/^First response at \S/);
    expect(await detail.getByText('First reply due', { exact: false }).count()).toBe(0);
    // "c" on it sends nothing: the api would refuse the claim (409) and the console would show that.
    const claims: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().endsWith(`/api/mentions/${answeredId}/claim`)) claims.push(request.url());
    };
    anaPage.on('request', onRequest);
    await anaPage.keyboard.press('c');
    await anaPage.waitForTimeout(500);
    anaPage.off('request', onRequest);
    expect(claims).toEqual([]);
    expect(await anaPage.getByTestId('console-problem').count()).toBe(0);
    await row(anaPage, otherId).waitFor({ timeout: 5_000 });
    expect(await row(anaPage, answeredId).count()).toBe(0);
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'console-deep-link.png') });

    // Outside the queue it still follows live updates: resolving it shows without a reload.
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await detail.getByTestId('claim-state').getByText('Resolved').waitFor({ timeout: 5_000 });
    expect(await detail.getByTestId('composer-locked').textContent()).toBe('Resolved — reopen it to reply.');
    expect(await detail.getByTestId('sla-line').textContent()).toMatch(/^First response at \S/);
    // Reopened, it can be claimed again, and it is back in the queue.
    await detail.getByRole('button', { name: 'Reopen' }).click();
    await detail.getByRole('button', { name: 'Claim (c)' }).waitFor({ timeout: 5_000 });
    expect(await detail.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
    await row(anaPage, answeredId).waitFor({ timeout: 5_000 });

    // Selecting from the queue puts that mention in the address, ready to copy.
    await row(anaPage, otherId).click();
    await linkedTo(anaPage, otherId);
    expect(await anaPage.getByTestId('mention-detail').getAttribute('data-mention-id')).toBe(otherId);
    expect(new URL(anaPage.url()).pathname).toBe('/console');

    // A link to no mention (unknown, or not an id at all) says so where the mention would be; the queue still works.
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-mention']) {
      await openConsole(anaPage, `?mention=${id}`);
      const missing = anaPage.getByTestId('mention-not-found');
      await missing.waitFor({ timeout: 5_000 });
      expect(await missing.textContent()).toMatch(/^Mention not found/);
      expect(await anaPage.getByTestId('mention-detail').count()).toBe(0);
    }
    await anaPage.screenshot({ path: resolve(SCREENSHOTS, 'console-link-not-found.png') });
    await row(anaPage, otherId).click({ timeout: 5_000 });
    await linkedTo(anaPage, otherId);
    await detailOf(anaPage, otherId).waitFor({ timeout: 3_000 });
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
    expect(new URL(anaPage.url()).searchParams.get('mention')).toBe(second);
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

  it("shows each mention's language, and narrows the queue to one language through the api", async () => {
    const [es, fr, und] = await storeMentions([
      { lang: 'es', text: 'Mi router no se conecta desde la actualización de anoche', urgencyLevel: 'high' },
      { lang: 'fr', text: 'Ma box redémarre toute seule depuis la mise à jour', urgencyLevel: 'high' },
      { lang: 'und', text: '🙃🙃🙃 !!!', urgencyLevel: 'high' },
    ]);
    // Stored without an event: a fresh load shows them, as it would after any outage.
    await openConsole(benPage);
    const spanishRow = row(benPage, es!.id);
    await spanishRow.waitFor({ timeout: 5_000 });
    const badge = spanishRow.getByRole('img', { name: 'Spanish' });
    expect(await badge.textContent()).toBe('ES');
    expect(await badge.getAttribute('title')).toBe('Spanish');
    expect(await row(benPage, fr!.id).getByRole('img', { name: 'French' }).textContent()).toBe('FR');
    const unknown = row(benPage, und!.id).getByTestId('lang-badge');
    expect(await unknown.textContent()).toBe('?');
    expect(await unknown.getAttribute('title')).toBe('language unknown');
    // Every row says its language, English ones included.
    const langs = await rows(benPage).evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-testid=lang-badge]')?.getAttribute('data-lang') ?? null),
    );
    expect(langs.length).toBeGreaterThanOrEqual(3);
    expect(langs).not.toContain(null);

    // The filter: its options name the languages, and picking one asks the api for that language's open mentions.
    const filter = benPage.getByRole('group', { name: 'Filters' }).getByLabel('Language');
    const asked = benPage.waitForRequest((r) => /\/api\/mentions\?status=new&.*lang=es/.test(r.url()));
    await filter.selectOption({ label: 'Spanish (es)' });
    await asked;
    await row(benPage, fr!.id).waitFor({ state: 'detached', timeout: 3_000 });
    await spanishRow.waitFor({ timeout: 3_000 });
    const shown = await rows(benPage).evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-testid=lang-badge]')?.getAttribute('data-lang')),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['es']));
    expect(await benPage.getByTestId('queue-count').textContent()).toBe(`${shown.length} waiting`);

    // The open mention names its language in full.
    await spanishRow.click();
    const detail = detailOf(benPage, es!.id);
    expect(await detail.getByTestId('detail-language').textContent()).toBe('Spanish (es)');
    expect(await detail.locator('.detail-author').getByRole('img', { name: 'Spanish' }).textContent()).toBe('ES');
    await benPage.screenshot({ path: resolve(SCREENSHOTS, 'console-language.png') });

    // Unknown is a choice too; "Every language" brings the rest back.
    await filter.selectOption({ label: 'Unknown language' });
    await row(benPage, und!.id).waitFor({ timeout: 3_000 });
    await spanishRow.waitFor({ state: 'detached', timeout: 3_000 });
    await filter.selectOption({ label: 'Every language' });
    await row(benPage, fr!.id).waitFor({ timeout: 3_000 });
    await spanishRow.waitFor({ timeout: 3_000 });
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
