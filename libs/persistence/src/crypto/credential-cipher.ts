import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CredentialKeyMissingError extends Error {
  constructor() {
    super('CREDENTIALS_KEY is not set: source credentials cannot be stored or read (see .env.example)');
    this.name = 'CredentialKeyMissingError';
  }
}

/**
 * Seals source credentials with AES-256-GCM. The source id is bound in as associated data, so a
 * ciphertext copied onto another source does not decrypt. Format: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class CredentialCipher {
  constructor(private readonly key: Buffer | undefined) {
    if (key && key.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes');
  }

  get available(): boolean {
    return this.key !== undefined;
  }

  seal(values: Record<string, string>, sourceId: string): string {
    const key = this.requireKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(sourceId));
    const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string, sourceId: string): Record<string, string> {
    const key = this.requireKey();
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unreadable credentials');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(sourceId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(plain) as Record<string, string>;
  }

  private requireKey(): Buffer {
    if (!this.key) throw new CredentialKeyMissingError();
    return this.key;
  }
}
