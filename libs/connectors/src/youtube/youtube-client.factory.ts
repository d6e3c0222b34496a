import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { ConnectorAuthError } from '../shared/connector-errors';

export const YOUTUBE_ROOT_URL = 'https://youtube.googleapis.com/';

export interface YouTubeClientOptions {
  /** `https://youtube.googleapis.com/` for the real API, or the simulator's base URL (its path is ignored). */
  rootUrl: string;
  timeoutMs?: number;
}

/**
 * The official client, pointed at `rootUrl`. Its built-in retries are off: the poller owns backoff and
 * source health, and a retried comments.insert could post a reply twice.
 */
export function createYouTubeClient(options: YouTubeClientOptions): youtube_v3.Youtube {
  return youtube({
    version: 'v3',
    rootUrl: options.rootUrl.endsWith('/') ? options.rootUrl : `${options.rootUrl}/`,
    timeout: options.timeoutMs ?? 15_000,
    retry: false,
    // gaxios otherwise lazy-loads node-fetch v3, an ES module, through a dynamic import; Node's own
    // fetch does the same job without it.
    fetchImplementation: fetch,
  });
}

export interface YouTubeCredentials {
  apiKey?: string;
  accessToken?: string;
}

/** Per-call auth in the form the official client takes: an API key, or an OAuth2 client holding the token. */
export type YouTubeCallAuth = { key: string } | { auth: InstanceType<typeof auth.OAuth2> };

export function readCredentials(credentials: Record<string, string>): YouTubeCredentials {
  const apiKey = credentials.apiKey?.trim() || undefined;
  const accessToken = credentials.accessToken?.trim() || undefined;
  return { apiKey, accessToken };
}

/** Reads prefer the API key (it does not expire); writes need the user's OAuth token. */
export function callAuth(credentials: YouTubeCredentials, purpose: 'read' | 'write'): YouTubeCallAuth {
  if (purpose === 'read' && credentials.apiKey) return { key: credentials.apiKey };
  if (credentials.accessToken) {
    const client = new auth.OAuth2();
    client.setCredentials({ access_token: credentials.accessToken });
    return { auth: client };
  }
  throw new ConnectorAuthError(
    purpose === 'read'
      ? 'YouTube source has neither an API key nor an access token'
      : 'YouTube replies need an OAuth access token (scope youtube.force-ssl); the source has none',
  );
}

export function secretsOf(credentials: YouTubeCredentials): string[] {
  return [credentials.apiKey, credentials.accessToken].filter((s): s is string => !!s);
}
