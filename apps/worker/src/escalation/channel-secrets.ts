import type { CredentialCipher } from '@lp/persistence';

/** Channel secrets are sealed bound to `channel:<id>`, so a sealed value copied to another channel does not open. */
export function channelSecretAad(channelId: string): string {
  return `channel:${channelId}`;
}

export function openChannelSecret(cipher: CredentialCipher, channelId: string, sealed: string | null): string | null {
  if (!sealed) return null;
  return cipher.open(sealed, channelSecretAad(channelId)).secret ?? null;
}
