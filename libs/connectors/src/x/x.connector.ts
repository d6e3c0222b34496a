import { type TwitterApi } from 'twitter-api-v2';
import { ConnectorAuthError, ConnectorError } from '../shared/connector-errors';
import type {
  ConnectorCursor,
  ConnectorPage,
  PostedReply,
  ReplyTarget,
  SourceConnector,
  SourceContext,
} from '../shared/source-connector';
import { createXClient } from './x-client.factory';
import { translateError, XSearchConnector, type XCursor } from './x-search.connector';

export interface XConnectorOptions {
  baseUrl: string;
  /** Used when a source carries no bearer token of its own (the deployment's app token). */
  defaultBearerToken: string;
  /** OAuth 2 user token for replies when a source carries no user credentials of its own. */
  defaultUserAccessToken?: string;
}

/**
 * Self-serve X accounts may only reply to posts that @mention or quote them ("summoned"). Returns
 * the reason X would refuse, or null; the api checks it before queueing and the connector before posting.
 */
export function xReplyRefusal(accountHandle: unknown, targetText: string): string | null {
  const handle = typeof accountHandle === 'string' ? accountHandle.replace(/^@/, '') : '';
  if (!handle || new RegExp(`@${escapeRegExp(handle)}\\b`, 'i').test(targetText)) return null;
  return `X only accepts replies to posts that mention or quote @${handle}; this post does not`;
}

/**
 * X settings: `{ query, accountHandle?, ownUserId? }`. Credentials: `bearerToken` for search; for
 * replies either OAuth 1.0a user keys (`appKey`, `appSecret`, `accessToken`, `accessSecret`) or an
 * OAuth 2 user token (`userAccessToken`).
 */
export class XConnector implements SourceConnector {
  readonly platform = 'x' as const;
  private readonly readers = new Map<string, TwitterApi>();

  constructor(private readonly options: XConnectorOptions) {}

  async *poll(source: SourceContext, cursor: ConnectorCursor): AsyncGenerator<ConnectorPage> {
    const token = source.credentials.bearerToken || this.options.defaultBearerToken;
    if (!token) throw new ConnectorAuthError('no X bearer token: add one to the source or set X_BEARER_TOKEN');
    const query = String(source.settings.query ?? '');
    const ownUserId = typeof source.settings.ownUserId === 'string' ? source.settings.ownUserId : undefined;
    const search = new XSearchConnector(this.reader(token), query, source.sourceId, ownUserId);
    for await (const page of search.poll(cursor as XCursor)) {
      yield { mentions: page.mentions, cursor: { ...page.cursor }, rateLimit: page.rateLimit, done: page.done };
    }
  }

  /** A reply X would refuse ("summoned" rule) is refused here, with that reason, rather than sent to fail. */
  async reply(source: SourceContext, target: ReplyTarget, text: string): Promise<PostedReply> {
    const refusal = xReplyRefusal(source.settings.accountHandle, target.text);
    if (refusal) throw new ConnectorError(refusal, false);
    const handle =
      typeof source.settings.accountHandle === 'string' ? source.settings.accountHandle.replace(/^@/, '') : '';
    const writer = this.writer(source.credentials);
    try {
      const { data } = await writer.v2.reply(text, target.externalId);
      return { externalId: data.id, url: `https://x.com/${handle || 'i'}/status/${data.id}` };
    } catch (error) {
      throw translateError(error, 'reply');
    }
  }

  private reader(token: string): TwitterApi {
    let client = this.readers.get(token);
    if (!client) {
      client = createXClient({ baseUrl: this.options.baseUrl, bearerToken: token });
      this.readers.set(token, client);
    }
    return client;
  }

  private writer(credentials: Record<string, string>): TwitterApi {
    const { appKey, appSecret, accessToken, accessSecret, userAccessToken } = credentials;
    if (appKey && appSecret && accessToken && accessSecret) {
      return createXClient({ baseUrl: this.options.baseUrl, auth: { appKey, appSecret, accessToken, accessSecret } });
    }
    const userToken = userAccessToken || this.options.defaultUserAccessToken;
    if (userToken) return createXClient({ baseUrl: this.options.baseUrl, bearerToken: userToken });
    throw new ConnectorAuthError('replying on X needs OAuth 1.0a user keys or an OAuth 2 user token on the source');
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
