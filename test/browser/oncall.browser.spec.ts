import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  DEFAULT_EARLY_WARNING,
  type ChannelView,
  type EarlyWarningSettings,
  type IncidentView,
  type OncallRotationView,
} from '@lp/domain';
import { createUser, FAST_EARLY_WARNING } from '../support/actors';
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
    // Spikes need history.
    await pipeline.loadHourOfHistory();
    const res = await fetch(`${pipeline.simulatorUrl}/__sim/scenario`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'outage-spike', seconds: 6 }),
    });
    expect(res.status).toBeLessThan(300);
    const open = page.getByRole('region', { name: 'Open incidents' }).locator('li.incident');
    await open.first().waitFor({ timeout: 30_000 });
    expect(await open.count()).toBe(1);
    // What the spike is about, as text on the row.
    const [detected] = (await (await pipeline.apiFetch('/api/incidents')).json()) as IncidentView[];
    expect(detected?.product).toBeTruthy();
    expect(detected?.symptom).toBeTruthy();
    expect(await open.first().locator('.incident-key').textContent()).toBe(
      `product ${detected!.product} · symptom ${detected!.symptom}`,
    );
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
  }, 120_000);
  it('lets a manager edit a channel in place and pick rotation people by name', async () => {
    // Channels outlive a suite's database reset, so this run's names are its own.
    const tag = Date.now().toString(36);
    const manager = await createUser(pipeline, 'screen', 'manager');
    const oncall = await createUser(pipeline, 'screen', 'oncall');
    // A name that does not contain the first one's, so "shows relief" cannot pass on "screen".
    const relief = await createUser(pipeline, 'relief', 'oncall');
    const created = await pipeline.apiFetch('/api/escalation/channels', {
      method: 'POST',
      body: JSON.stringify({ name: `Ops hook ${tag}`, kind: 'webhook', config: { url: 'https://hooks.example/ops' } }),
    });
    const channel = (await created.json()) as ChannelView;

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const mine = await context.newPage();
    await mine.goto(`${pipeline.apiUrl}/oncall`);
    const form = mine.getByTestId('sign-in-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name=email]').fill(manager.email);
    await form.locator('input[name=password]').fill('long-enough-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    const settings = mine.getByRole('region', { name: 'Escalation settings' });
    await settings.getByRole('button', { name: `Edit channel Ops hook ${tag}`, exact: true }).click();

    const edit = settings.getByRole('form', { name: `Edit channel Ops hook ${tag}`, exact: true });
    expect(await edit.getByLabel('URL').inputValue()).toBe('https://hooks.example/ops');
    await edit.getByLabel('Name').fill(`Ops hook ${tag} (night)`);
    await edit.getByLabel('URL').fill('ftp://hooks.example/ops');
    await edit.getByRole('button', { name: 'Save channel' }).click();
    // Refused: the reason is beside the URL, and what was typed is still there.
    await edit.locator('.field-error', { hasText: 'http(s) URL' }).waitFor({ timeout: 5_000 });
    expect(await edit.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    expect(await edit.getByLabel('Name').inputValue()).toBe(`Ops hook ${tag} (night)`);

    await edit.getByLabel('URL').fill('https://hooks.example/night');
    await edit.getByRole('button', { name: 'Save channel' }).click();
    await settings
      .locator('.channel-list li', { hasText: `Ops hook ${tag} (night) (webhook)` })
      .waitFor({ timeout: 5_000 });
    expect(await edit.count()).toBe(0);
    const listed = (await (await pipeline.apiFetch('/api/escalation/channels')).json()) as ChannelView[];
    expect(listed.find((c) => c.id === channel.id)).toMatchObject({
      name: `Ops hook ${tag} (night)`,
      config: { url: 'https://hooks.example/night' },
    });

    const rotation = settings.getByRole('form', { name: 'Add rotation' });
    await rotation.getByLabel('Name').fill(`Weekend ${tag}`);
    await rotation.getByLabel('Choose a primary').selectOption({ label: `${oncall.name} (oncall)` });
    await rotation.getByRole('button', { name: 'Add primary' }).click();
    const primaries = rotation.getByRole('group', { name: 'Primaries (take turns in this order)' });
    await primaries
      .getByRole('listitem')
      .filter({ hasText: `${oncall.name} (oncall)` })
      .waitFor({ timeout: 5_000 });
    await rotation.getByRole('button', { name: 'Add rotation' }).click();
    await settings.getByRole('status').filter({ hasText: 'Rotation added' }).waitFor({ timeout: 5_000 });
    const rotations = (await (await pipeline.apiFetch('/api/oncall/rotations')).json()) as OncallRotationView[];
    expect(rotations.find((r) => r.name === `Weekend ${tag}`)?.primaryUserIds).toEqual([oncall.id]);

    await mine.reload();
    await settings
      .locator('.rotation-list li', { hasText: `Weekend ${tag}: primary ${oncall.name}; secondary —` })
      .waitFor({ timeout: 10_000 });
    await mine.screenshot({ path: resolve(SCREENSHOTS, 'oncall-settings.png'), fullPage: true });

    // Edit in place: rename, swap the primary; a refused save keeps all of it and names the field.
    const added = rotations.find((r) => r.name === `Weekend ${tag}`)!;
    await settings.getByRole('button', { name: `Edit rotation Weekend ${tag}`, exact: true }).click();
    const editRotation = settings.getByRole('form', { name: `Edit rotation Weekend ${tag}`, exact: true });
    expect(await editRotation.getByLabel('Name').inputValue()).toBe(`Weekend ${tag}`);
    expect(await editRotation.getByLabel('Shift hours').inputValue()).toBe('8');
    const editPrimaries = editRotation.getByRole('group', { name: 'Primaries (take turns in this order)' });
    expect(await editPrimaries.getByRole('listitem').allTextContents()).toEqual([`${oncall.name} (oncall) Remove`]);
    await editRotation.getByLabel('Name').fill(`Weekend ${tag} late`);
    await editPrimaries
      .getByRole('button', { name: `Remove ${oncall.name} from Primaries (take turns in this order)` })
      .click();
    await editRotation.getByLabel('Choose a primary').selectOption({ label: `${relief.name} (oncall)` });
    await editRotation.getByRole('button', { name: 'Add primary' }).click();
    await editRotation.getByLabel('Shift hours').fill('0');
    await editRotation.getByRole('button', { name: 'Save rotation' }).click();
    await editRotation.locator('.field-error', { hasText: 'less than 3600' }).waitFor({ timeout: 5_000 });
    expect(await editRotation.getByLabel('Shift hours').getAttribute('aria-invalid')).toBe('true');
    expect(await editRotation.getByLabel('Name').inputValue()).toBe(`Weekend ${tag} late`);
    expect(await editPrimaries.getByRole('listitem').allTextContents()).toEqual([`${relief.name} (oncall) Remove`]);

    await editRotation.getByLabel('Shift hours').fill('8');
    await editRotation.getByRole('button', { name: 'Save rotation' }).click();
    await settings.getByRole('status').filter({ hasText: 'Rotation saved' }).waitFor({ timeout: 5_000 });
    expect(await editRotation.count()).toBe(0);
    const after = (await (await pipeline.apiFetch('/api/oncall/rotations')).json()) as OncallRotationView[];
    expect(after.find((r) => r.id === added.id)).toMatchObject({
      name: `Weekend ${tag} late`,
      primaryUserIds: [relief.id],
      shiftS: 8 * 3600,
      // Untouched in the form, so kept to the millisecond.
      startsAt: added.startsAt,
    });

    await mine.reload();
    await settings
      .locator('.rotation-list li', { hasText: `Weekend ${tag} late: primary ${relief.name}; secondary —` })
      .waitFor({ timeout: 10_000 });
    // "On call now" names the holder; the id must not show anywhere in the row.
    const nowRow = mine
      .getByRole('region', { name: 'On call now' })
      .getByRole('listitem')
      .filter({ hasText: `Weekend ${tag} late:` });
    await nowRow.waitFor({ timeout: 10_000 });
    const nowText = await nowRow.textContent();
    expect(nowText).toBe(`Weekend ${tag} late: primary ${relief.name}, secondary —`);
    expect(nowText).not.toContain(relief.id);
    await context.close();
  }, 90_000);

  it('lets a manager edit the product catalogue, brand and history settings, kept after a reload', async () => {
    const manager = await createUser(pipeline, 'thresholds', 'manager');
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const mine = await context.newPage();
    await mine.goto(`${pipeline.apiUrl}/oncall`);
    const signIn = mine.getByTestId('sign-in-form');
    await signIn.waitFor({ timeout: 10_000 });
    await signIn.locator('input[name=email]').fill(manager.email);
    await signIn.locator('input[name=password]').fill('long-enough-password');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    const settings = mine.getByRole('region', { name: 'Escalation settings' });
    const form = settings.getByRole('form', { name: 'Spike thresholds' });
    await form.waitFor({ timeout: 10_000 });
    expect(await form.getByLabel('Phrase window (s)').count()).toBe(0);
    expect((await form.getByLabel('Products (one per line)').inputValue()).split('\n')).toContain('Acme Cloud');

    // Refused: the reason is beside the products, and what was typed is kept.
    await form.getByLabel('Products (one per line)').fill('  \n');
    await form.getByLabel('Brand').fill('Widgets');
    await form.getByRole('button', { name: 'Save thresholds' }).click();
    await form.locator('.field-error', { hasText: 'products' }).first().waitFor({ timeout: 5_000 });
    expect(await form.getByLabel('Products (one per line)').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Brand').inputValue()).toBe('Widgets');

    await form.getByLabel('Products (one per line)').fill('Widget One\n\n  Widget Two  \n');
    await form.getByLabel('History needed before judging (min)').fill('12');
    await form.getByLabel('Judge minutes posted in the last (min)').fill('40');
    await form.getByRole('button', { name: 'Save thresholds' }).click();
    await settings.getByRole('status').filter({ hasText: 'Thresholds saved' }).waitFor({ timeout: 5_000 });
    const stored = (await (await pipeline.apiFetch('/api/settings/early-warning')).json()) as EarlyWarningSettings;
    expect(stored).toMatchObject({
      products: ['Widget One', 'Widget Two'],
      brand: 'Widgets',
      minHistoryMinutes: 12,
      judgeBackMinutes: 40,
    });
    expect(stored).not.toHaveProperty('termWindowS');

    await mine.reload();
    await form.waitFor({ timeout: 10_000 });
    expect(await form.getByLabel('Products (one per line)').inputValue()).toBe('Widget One\nWidget Two');
    expect(await form.getByLabel('Brand').inputValue()).toBe('Widgets');
    expect(await form.getByLabel('History needed before judging (min)').inputValue()).toBe('12');
    expect(await form.getByLabel('Judge minutes posted in the last (min)').inputValue()).toBe('40');
    await context.close();

    // Back to the catalogue the simulator speaks of, for whatever runs next.
    const restored = await pipeline.apiFetch('/api/settings/early-warning', {
      method: 'PUT',
      body: JSON.stringify({ ...DEFAULT_EARLY_WARNING, ...FAST_EARLY_WARNING }),
    });
    expect(restored.status).toBe(200);
  }, 60_000);
});
