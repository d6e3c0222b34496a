import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';
import { storeMentions } from '../support/stored-mentions';
import { query, TEST_DATABASE_URL } from '../support/services';
import { waitFor } from '../support/wait';

describe('trends page in Chromium', () => {
  const pipeline = new Pipeline({ suite: 'trends-browser', env: { WEB_DIST_DIR: WEB_DIST } });
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await pipeline.start();
    await query(TEST_DATABASE_URL, 'TRUNCATE mention_minutes, mention_hours, mention_days');
    await pipeline.emit(40);
    await pipeline.emit(40, 'outage', {
      text: 'Total outage: the zorbulator portal is down for everyone <b>again</b>',
    });
    await waitFor(
      '80 mentions',
      async () =>
        (await query<{ n: number }>(TEST_DATABASE_URL, 'SELECT count(*)::int AS n FROM mentions'))[0]!.n === 80,
      60_000,
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1400 }, acceptDownloads: true });
    await page.goto(`${pipeline.apiUrl}/trends`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name=email]').fill(pipeline.admin.email);
    await form.locator('input[name=password]').fill(pipeline.admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await pipeline.stop();
  });

  it('draws every chart from the data, and lists rising terms as text', async () => {
    await page.getByRole('heading', { name: 'Trends' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('trend-sentiment').locator('.recharts-area-area').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('trend-platforms').locator('.recharts-bar-rectangle').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('trend-topics').locator('.recharts-bar-rectangle').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('trend-negative-share').locator('.recharts-line-curve').waitFor({ timeout: 10_000 });
    const terms = page.getByTestId('rising-terms');
    await terms.getByText('zorbulator', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.trend-panel').count()).toBe(9);
    expect(await page.locator('.trend-panel b').count()).toBe(0);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'trends.png'), fullPage: true });
  });

  it('changes the range from the keyboard and reloads the charts for it', async () => {
    const lastHour = page.getByRole('button', { name: 'Last hour' });
    await lastHour.focus();
    const reloaded = page.waitForResponse((r) => r.url().includes('/api/trends/sentiment?') && r.status() === 200);
    await page.keyboard.press('Enter');
    expect(await lastHour.getAttribute('aria-pressed')).toBe('true');
    const body = (await (await reloaded).json()) as { bucket: string; items: Array<{ total: number }> };
    expect(body.bucket).toBe('minute');
    expect(body.items.reduce((s, p) => s + p.total, 0)).toBe(80);
    await page.getByTestId('trend-sentiment').locator('.recharts-area-area').first().waitFor({ timeout: 10_000 });
  });

  it('downloads a chart as CSV, with its header row', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Sentiment over time as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^trends-sentiment-\d{8}T\d{4}Z-\d{8}T\d{4}Z\.csv$/);
    const path = resolve(SCREENSHOTS, '..', file.suggestedFilename());
    await file.saveAs(path);
    const [header, ...rows] = (await readFile(path, 'utf8')).trimEnd().split('\r\n');
    expect(header).toBe('bucket,negative,neutral,positive,total');
    expect(rows.reduce((s, l) => s + Number(l.split(',')[4]), 0)).toBe(80);
  });

  it('narrows every chart to one language, with the languages seen offered by name', async () => {
    await storeMentions([
      ...Array.from({ length: 5 }, (_, i) => ({ lang: 'es', text: `La factura ${i} llegó duplicada otra vez` })),
      ...Array.from({ length: 3 }, (_, i) => ({ lang: 'fr', text: `La facture ${i} est arrivée en double` })),
    ]);
    // The options load with the page: a fresh load offers the languages just stored.
    await page.getByRole('heading', { name: 'Trends' }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByRole('heading', { name: 'Trends' }).waitFor({ timeout: 10_000 });
    const language = page.getByLabel('Language');
    const total = async (response: Promise<import('playwright-core').Response>) =>
      ((await (await response).json()) as { items: Array<{ total: number }> }).items.reduce((s, p) => s + p.total, 0);
    const sentimentFor = (lang: string | null) =>
      page.waitForResponse(
        (r) =>
          r.url().includes('/api/trends/sentiment?') &&
          new URL(r.url()).searchParams.get('lang') === lang &&
          r.status() === 200,
      );

    // Every panel asks again for Spanish only.
    const panels = [
      'sentiment',
      'platforms',
      'topics',
      'negative-share',
      'rising-terms',
      'response-times',
      'sla-breaches',
      'replies',
      'agents',
    ];
    const asked = panels.map((name) =>
      page.waitForRequest(
        (r) => r.url().includes(`/api/trends/${name}?`) && new URL(r.url()).searchParams.get('lang') === 'es',
      ),
    );
    const spanish = sentimentFor('es');
    await language.selectOption({ label: 'Spanish (es)' });
    expect(await total(spanish)).toBe(5);
    await Promise.all(asked);
    await page.getByTestId('trend-sentiment').locator('.recharts-area-area').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'trends-language.png'), fullPage: true });

    // The CSV is the filtered one.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Sentiment over time as CSV' }).click();
    const path = resolve(SCREENSHOTS, '..', `lang-${(await download).suggestedFilename()}`);
    await (await download).saveAs(path);
    const [, ...rows] = (await readFile(path, 'utf8')).trimEnd().split('\r\n');
    expect(rows.reduce((s, l) => s + Number(l.split(',')[4]), 0)).toBe(5);

    const french = sentimentFor('fr');
    await language.selectOption({ label: 'French (fr)' });
    expect(await total(french)).toBe(3);
    const every = sentimentFor(null);
    await language.selectOption({ label: 'Every language' });
    expect(await total(every)).toBe(88);
  });
});
