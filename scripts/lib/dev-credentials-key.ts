import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A development key for sealing source credentials, made once and kept under .data/ (git-ignored)
 * so credentials saved today still open tomorrow. Production sets CREDENTIALS_KEY itself.
 */
export function devCredentialsKey(dataRoot: string): string {
  const file = resolve(dataRoot, 'credentials.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataRoot, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
