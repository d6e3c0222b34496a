import { resolve } from 'node:path';
import type { MentionView, WallLayout } from '@lp/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../support/actors';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';
import { storeMentions } from '../support/stored-mentions';

/** A stream beside two small panels: the saved layout the layout tests start from. */
const THREE_PANELS: WallLayout = {
  columns: 3,
  rows: 2,
  panels: [
    { id: 'stream', column: 1, row: 1, width: 2, height: 2 },
    { id: 'sla', column: 3, row: 1, width: 1, height: 1 },
    { id: 'coverage', column: 3, row: 2, width: 1, height: 1 },
  ],
};

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

  it('shows the language of every mention as a badge, named in full for a tooltip and screen readers', async () => {
    const text = 'Se cayó todo el servicio, no puedo entrar a mi cuenta';
    const [unknown, spanish] = await storeMentions([
      { lang: 'und', text: '🔥🔥🔥', postedAt: new Date(Date.now() - 1_000) },
      { lang: 'es', text },
    ]);
    // Stored without an event: the wall shows it from its first load.
    await openWall();
    // The newest, so at the top of the stream.
    const card = stream().and(page.locator(`[data-mention-id="${spanish!.id}"]`));
    await card.waitFor({ timeout: 5_000 });
    expect(await card.locator('.mention-text').textContent()).toBe(text);
    const badge = card.getByRole('img', { name: 'Spanish' });
    expect(await badge.textContent()).toBe('ES');
    expect(await badge.getAttribute('title')).toBe('Spanish');
    // One whose language is not known says so, with a question mark.
    const unsure = stream()
      .and(page.locator(`[data-mention-id="${unknown!.id}"]`))
      .getByTestId('lang-badge');
    expect(await unsure.textContent()).toBe('?');
    expect(await unsure.getAttribute('title')).toBe('language unknown');
    // Every card says its language, whatever it is.
    const langs = await stream().evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-testid=lang-badge]')?.getAttribute('data-lang') ?? null),
    );
    expect(langs.length).toBeGreaterThan(1);
    expect(langs).not.toContain(null);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'wall-language.png') });
  });

  it('lays itself out from the saved layout named in ?layout=', async () => {
    const layout = THREE_PANELS;
    const res = await pipeline.apiFetch('/api/wall-layouts/lobby', { method: 'PUT', body: JSON.stringify({ layout }) });
    expect(res.status).toBe(200);
    await openWall('?layout=lobby');
    const panels = await page
      .locator('[data-testid^="wall-panel-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(panels).toEqual(['wall-panel-stream', 'wall-panel-sla', 'wall-panel-coverage']);
    expect(await page.locator('.wall-footer').textContent()).toContain('layout lobby v1');
  });

  describe('layout editor', () => {
    const contexts: BrowserContext[] = [];
    afterAll(() => Promise.all(contexts.map((c) => c.close())));
    const PASSWORD = 'long-enough-password';
    /** Another person at another screen: a browser context of its own, signed in on `path`. */
    const signedIn = async (email: string, path: string) => {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      contexts.push(context);
      const other = await context.newPage();
      await other.goto(`${pipeline.apiUrl}${path}`);
      const form = other.getByTestId('sign-in-form');
      await form.waitFor({ timeout: 10_000 });
      await form.locator('input[name=email]').fill(email);
      await form.locator('input[name=password]').fill(PASSWORD);
      await form.getByRole('button', { name: 'Sign in' }).click();
      return other;
    };
    const panelsIn = (p: Page, scope: string) =>
      p
        .locator(`[data-testid=${scope}] [data-testid^="wall-panel-"]`)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('wall-panel-', '')));
    /** Waits for the open kiosk (`page`) to show these panels, in this order, with no reload. */
    const kioskShows = (ids: string[], version: number) =>
      page.waitForFunction(
        ({ ids, version }) => {
          const shown = Array.from(document.querySelectorAll('[data-testid=wall] [data-testid^="wall-panel-"]')).map(
            (el) => el.getAttribute('data-testid'),
          );
          const footer = document.querySelector('[data-testid=wall-layout-version]')?.textContent ?? '';
          return shown.join() === ids.map((id) => `wall-panel-${id}`).join() && footer.endsWith(` v${version}`);
        },
        { ids, version },
        // Well inside the kiosk's one-minute re-check: only the event can make it in time.
        { timeout: 10_000 },
      );
    const versionsListed = (p: Page) =>
      p
        .getByTestId('editor-versions')
        .locator('li')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-version'))));
    const seed = THREE_PANELS;
    let editor: Page;

    it('lets a manager remove and move panels and save; an open wall follows without reload; restoring brings a panel back', async () => {
      const res = await pipeline.apiFetch('/api/wall-layouts/foyer', {
        method: 'PUT',
        body: JSON.stringify({ layout: seed }),
      });
      expect(res.status).toBe(200);
      await openWall('?layout=foyer');
      expect(await panelsIn(page, 'wall')).toEqual(['stream', 'sla', 'coverage']);
      // A reload would drop this: the kiosk must change in place.
      await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

      const manager = await createUser(pipeline, 'editor', 'manager');
      editor = await signedIn(manager.email, '/wall?layout=foyer');
      await editor.getByTestId('wall-panel-stream').waitFor({ timeout: 10_000 });
      // On the kiosk the link is out of sight until the keyboard reaches it.
      const link = editor.getByRole('link', { name: 'Edit layout' });
      expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
      await link.focus();
      expect(await link.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      await editor.keyboard.press('Enter');
      await editor.waitForURL(/\/wall\/edit\?layout=foyer$/, { timeout: 10_000 });
      await editor.getByTestId('editor-panel-sla').waitFor({ timeout: 10_000 });
      expect(await editor.getByTestId('editor-dirty').textContent()).toContain('based on version 1');

      await editor.getByRole('button', { name: 'Remove: First response' }).click();
      // By keyboard: the focus stays on the moved panel, as the list reorders under it.
      await editor.getByRole('button', { name: 'Move up: Coverage' }).focus();
      await editor.keyboard.press('Enter');
      expect(
        await editor.evaluate(() => document.activeElement?.closest('[data-panel]')?.getAttribute('data-panel')),
      ).toBe('coverage');
      expect(await panelsIn(editor, 'wall-preview')).toEqual(['coverage', 'stream']);
      expect(await editor.getByTestId('editor-dirty').textContent()).toContain('Unsaved changes');

      await editor.getByRole('button', { name: 'Save', exact: true }).click();
      await editor.getByText('Saved as version 2.').waitFor({ timeout: 10_000 });
      expect(await editor.getByTestId('editor-dirty').textContent()).toContain('No unsaved changes');

      await kioskShows(['coverage', 'stream'], 2);
      expect(await page.getByTestId('wall-panel-sla').count()).toBe(0);
      // Moving up took the stream's place: the coverage panel now fills the left two columns.
      expect(await page.getByTestId('wall-panel-coverage').evaluate((el) => getComputedStyle(el).gridColumnStart)).toBe(
        '1',
      );
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

      await editor.waitForFunction(
        () => document.querySelectorAll('[data-testid=editor-versions] li').length === 2,
        undefined,
        { timeout: 10_000 },
      );
      expect(await versionsListed(editor)).toEqual([2, 1]);

      await editor.getByRole('button', { name: 'Restore version 1' }).click();
      await editor.getByText('Restored version 1 as version 3.').waitFor({ timeout: 10_000 });
      await kioskShows(['stream', 'sla', 'coverage'], 3);
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      await editor.getByTestId('editor-panel-sla').waitFor({ timeout: 5_000 });
      await editor.waitForFunction(
        () => document.querySelectorAll('[data-testid=editor-versions] li').length === 3,
        undefined,
        { timeout: 10_000 },
      );
      expect(await versionsListed(editor)).toEqual([3, 2, 1]);
      await editor.screenshot({ path: resolve(SCREENSHOTS, 'wall-editor.png') });
    });

    it('keeps the draft when a change is refused: its own problems before sending, a 409 when someone saved in between', async () => {
      const streamLimit = editor.getByTestId('editor-panel-stream').getByLabel('Newest mentions kept');
      await streamLimit.fill('100');
      const slaWidth = editor.getByTestId('editor-panel-sla').getByLabel('Width (cells)');
      await slaWidth.fill('5');
      await editor.getByTestId('editor-problems').getByText('First response, width').waitFor({ timeout: 5_000 });
      expect(await slaWidth.getAttribute('aria-invalid')).toBe('true');
      await editor.getByRole('button', { name: 'Save', exact: true }).click();
      await editor.getByText('Not saved: fix the problems below first.').waitFor({ timeout: 5_000 });
      await slaWidth.fill('1');
      expect(await editor.getByTestId('editor-problems').count()).toBe(0);

      // Someone else saves while this draft is open.
      const other = await pipeline.apiFetch('/api/wall-layouts/foyer', {
        method: 'PUT',
        body: JSON.stringify({ layout: seed }),
      });
      expect(other.status).toBe(200);
      await editor.getByTestId('editor-newer').waitFor({ timeout: 10_000 });

      await editor.getByRole('button', { name: 'Save', exact: true }).click();
      const conflict = editor.getByTestId('editor-conflict');
      await conflict.waitFor({ timeout: 10_000 });
      expect(await conflict.textContent()).toMatch(/Not saved: version 4 was saved by .+ after version 3/);
      expect(await streamLimit.inputValue()).toBe('100');
      await kioskShows(['stream', 'sla', 'coverage'], 4);

      await conflict.getByRole('button', { name: 'Save mine as version 5' }).click();
      await editor.getByText('Saved as version 5.').waitFor({ timeout: 10_000 });
      await kioskShows(['stream', 'sla', 'coverage'], 5);
      const latest = await pipeline.apiFetch('/api/wall-layouts/foyer');
      const saved = (await latest.json()) as { layout: WallLayout };
      expect(saved.layout.panels.find((p) => p.id === 'stream')?.options).toEqual({ limit: 100 });
    });

    it('offers agents neither the link nor the editor', async () => {
      const agent = await createUser(pipeline, 'viewer', 'agent');
      const agentPage = await signedIn(agent.email, '/wall/edit?layout=foyer');
      await agentPage.getByTestId('editor-forbidden').waitFor({ timeout: 10_000 });
      expect(await agentPage.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
      await agentPage.goto(`${pipeline.apiUrl}/wall?layout=foyer`);
      await agentPage.getByTestId('wall-panel-stream').waitFor({ timeout: 10_000 });
      expect(await agentPage.getByRole('link', { name: 'Edit layout' }).count()).toBe(0);
    });
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
