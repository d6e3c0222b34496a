import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { IncidentView } from '@lp/domain';
import { FAST_EARLY_WARNING } from '../support/actors';
import { launchChromium, SCREENSHOTS, WEB_DIST } from '../support/browser';
import { Pipeline } from '../support/pipeline';
import { waitFor } from '../support/wait';

describe('on-call screen in Chromium', () => {
  const pipeline = new Pipeline({ suite: 'oncall-browser', env: { WEB_DIST_DIR: WEB_DIST } });
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await pipeline.start();
    // Short windows, so the simulated outage is a spike within seconds.
    const settings = await pipeline.apiFetch('/api/settings/early-warning', {
      method: 'PUT',
      body: JSON.stringify(FAST_EARLY_WARNING),
    });
    expect(settings.status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${pipeline.apiUrl}/oncall`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name=email]').fill(pipeline.admin.email);
    await form.locator('input[name=password]').fill(pipeline.admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'On-call' }).waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await pipeline.stop();
  });

  it('shows the incident a simulated outage opens, live, and acknowledges and resolves it from the page', async () => {
    const res = await fetch(`${pipeline.simulatorUrl}/__sim/scenario`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'outage-spike', seconds: 6 }),
    });
    expect(res.status).toBeLessThan(300);
    const open = page.getByRole('region', { name: 'Open incidents' }).locator('li.incident');
    await open.first().waitFor({ timeout: 20_000 });
    expect(await open.count()).toBe(1);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'oncall.png') });

    await open.first().getByRole('button', { name: 'Acknowledge' }).click();
    await open.first().locator('.chip', { hasText: 'acknowledged' }).waitFor({ timeout: 5_000 });
    const [incident] = (await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[];
    expect(incident).toMatchObject({ status: 'acknowledged' });

    await open.first().getByRole('button', { name: 'Resolve' }).click();
    await waitFor('resolved', async () => {
      const [after] = (await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[];
      return after?.status === 'resolved';
    });
    await page.getByRole('region', { name: 'Open incidents' }).getByText('Nothing here.').waitFor({ timeout: 5_000 });
  });
});
