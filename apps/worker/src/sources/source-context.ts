import { ConnectorError, type SourceContext } from '@lp/connectors';
import type { CredentialCipher, SourceEntity } from '@lp/persistence';

/** A source as a connector needs it: settings plus decrypted credentials (never logged). */
export function sourceContextOf(source: SourceEntity, cipher: CredentialCipher): SourceContext {
  let credentials: Record<string, string> = {};
  if (source.credentials) {
    try {
      credentials = cipher.open(source.credentials, source.id);
    } catch {
      throw new ConnectorError(
        'stored credentials cannot be decrypted: check CREDENTIALS_KEY, or enter them again',
        false,
      );
    }
  }
  return { sourceId: source.id, settings: source.settings, credentials };
}
