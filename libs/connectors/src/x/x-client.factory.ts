import http from 'node:http';
import https from 'node:https';
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';

const X_API_ORIGIN = 'https://api.x.com/';

export interface OAuth1UserKeys {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

export interface XClientOptions {
  /** `https://api.x.com/` for the real API, or the simulator's base URL. */
  baseUrl: string;
  /** App-only bearer (search) or an OAuth 2 user token (replies). */
  bearerToken?: string;
  /** OAuth 1.0a user context, for replies. */
  auth?: OAuth1UserKeys;
}

/**
 * twitter-api-v2 has no base-URL option, so a plugin rewrites the origin of every request;
 * over plain HTTP (the simulator) it also needs an http agent, or Node refuses the protocol.
 */
export function createXClient(options: XClientOptions): TwitterApi {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const plugins: ITwitterApiClientPlugin[] = [];
  if (baseUrl !== X_API_ORIGIN) {
    const rewrite = (url: string) => (url.startsWith(X_API_ORIGIN) ? baseUrl + url.slice(X_API_ORIGIN.length) : url);
    plugins.push({
      onBeforeRequestConfig: ({ params }) => {
        params.url = rewrite(params.url);
      },
      onBeforeStreamRequestConfig: ({ params }) => {
        params.url = rewrite(params.url);
      },
    });
  }
  const agent = baseUrl.startsWith('http:')
    ? new http.Agent({ keepAlive: true })
    : new https.Agent({ keepAlive: true });
  const settings = { plugins, httpAgent: agent };
  return options.auth ? new TwitterApi(options.auth, settings) : new TwitterApi(options.bearerToken ?? '', settings);
}
