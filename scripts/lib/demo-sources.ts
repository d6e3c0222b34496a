import { randomUUID } from 'node:crypto';
import { decodeKey } from '@lp/config';
import { createDataSource, CredentialCipher, SourceRepository, type NewSource } from '@lp/persistence';

/**
 * With no platform credentials, `npm start` listens to the simulator on every platform, so a newcomer
 * sees all four kinds of source at work. Added once; edits and deletions made in the app are kept.
 */
export async function seedDemoSources(
  databaseUrl: string,
  credentialsKey: string,
  simulatorUrl: string,
): Promise<string[]> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const repo = new SourceRepository(dataSource);
    const existing = await repo.list();
    const cipher = new CredentialCipher(decodeKey(credentialsKey));
    const demo: Array<Omit<NewSource, 'id' | 'credentials'> & { credentials?: Record<string, string> }> = [
      {
        platform: 'facebook',
        name: 'Acme Facebook page',
        settings: { pageId: '448000000000001' },
        enabled: true,
        pollIntervalMs: 5_000,
        credentials: { pageAccessToken: 'sim-page-token' },
      },
      {
        platform: 'youtube',
        name: 'Acme YouTube channel',
        settings: { channelId: 'UCacmeSimulatedChannel01', searchTerms: 'acme' },
        enabled: true,
        pollIntervalMs: 10_000,
        credentials: { apiKey: 'simulator-api-key', accessToken: 'simulator-access-token' },
      },
      {
        platform: 'feed',
        name: 'Google Alert: acme',
        settings: { url: `${simulatorUrl}feeds/google-alerts/acme` },
        enabled: true,
        pollIntervalMs: 10_000,
      },
    ];
    const added: string[] = [];
    for (const source of demo) {
      if (existing.some((s) => s.platform === source.platform)) continue;
      const id = randomUUID();
      await repo.create({
        ...source,
        id,
        credentials: source.credentials ? cipher.seal(source.credentials, id) : null,
      });
      added.push(source.name);
    }
    return added;
  } finally {
    await dataSource.destroy();
  }
}
