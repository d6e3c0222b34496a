import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../artifacts/screenshots');
export const WEB_DIST = resolve(__dirname, '../../apps/web/dist');

/** Debian's Chromium, headless, with nothing that reaches for the network (this machine has none). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it ("apt-get install -y chromium") or set CHROMIUM_PATH`,
    );
  }
  if (!existsSync(resolve(WEB_DIST, 'index.html')))
    throw new Error(`${WEB_DIST} is not built: run "npm run build" first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
