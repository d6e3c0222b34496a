import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Development secrets, made once and kept under .data/ (git-ignored). A development key for sealing source credentials, made once and kept under .data/ (git-ignored)
 * so credentials saved today still open tomorrow. Production sets CREDENTIALS_KEY itself.
 */
export function devCredentialsKey(dataRoot: string): string {
  return devSecret(dataRoot, 'credentials.key', () => randomBytes(32).toString('base64'));
}

/** Signs access tokens in development; kept so sessions survive a restart. */
export function devJwtSecret(dataRoot: string): string {
  return devSecret(dataRoot, 'jwt.secret', () => randomBytes(48).toString('base64'));
}

/** The development admin's password, made once; printed by npm start so a newcomer can sign in. */
export function devAdminPassword(dataRoot: string): string {
  return devSecret(dataRoot, 'admin.password', () => randomBytes(12).toString('base64url'));
}

function devSecret(dataRoot: string, name: string, make: () => string): string {
  const file = resolve(dataRoot, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataRoot, { recursive: true });
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
