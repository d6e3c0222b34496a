import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RawMention } from '@lp/domain';
import { ConnectorPayloadError } from '../shared/connector-errors';
import { describeIssue, feedChangeHeaderSchema, feedChangeValueSchema, webhookBodySchema } from './facebook.schema';
import { feedChangeToMention } from './facebook-mention.mapper';

/** Query of Meta's verification GET; Express and NestJS keep the dotted names as they are. */
export interface WebhookChallengeQuery {
  'hub.mode'?: unknown;
  'hub.verify_token'?: unknown;
  'hub.challenge'?: unknown;
}

/** The challenge to echo (HTTP 200, raw body) when the handshake is ours, otherwise null (answer 403). */
export function verifyWebhookChallenge(query: WebhookChallengeQuery, verifyToken: string): string | null {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !verifyToken) return null;
  return constantTimeEqual(token, verifyToken) ? challenge : null;
}

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256` over the raw request bytes: re-serialised JSON would not match.
 * The legacy sha1 `X-Hub-Signature` is deliberately not accepted.
 */
export function verifyWebhookSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  const match = header ? SIGNATURE.exec(header.trim()) : null;
  if (!match || !appSecret) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'));
}

const MENTION_ITEMS = new Set(['comment', 'post', 'status']);

/**
 * New posts and comments from a Page `feed` delivery. Edits, removals, reactions and shares are
 * not new mentions, and what the Page wrote itself is not a mention at all.
 */
export function parseFeedWebhook(body: unknown, sourceId: string | null, pageId: string): RawMention[] {
  const envelope = webhookBodySchema.safeParse(body);
  if (!envelope.success) {
    throw new ConnectorPayloadError(`Facebook webhook body is malformed: ${describeIssue(envelope.error)}`);
  }
  if (envelope.data.object !== 'page') return [];
  const mentions: RawMention[] = [];
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'feed') continue;
      const header = feedChangeHeaderSchema.safeParse(change.value);
      if (!header.success) {
        throw new ConnectorPayloadError(`Facebook feed change is malformed: ${describeIssue(header.error)}`);
      }
      if (header.data.verb !== 'add' || !MENTION_ITEMS.has(header.data.item)) continue;
      const value = feedChangeValueSchema.safeParse(change.value);
      if (!value.success) {
        throw new ConnectorPayloadError(`Facebook feed change is malformed: ${describeIssue(value.error)}`);
      }
      if (header.data.item === 'comment' && !value.data.comment_id) {
        throw new ConnectorPayloadError('Facebook feed change is malformed: comment_id: required for a comment');
      }
      if (value.data.from?.id === pageId) continue;
      mentions.push(feedChangeToMention(value.data, sourceId));
    }
  }
  return mentions;
}

/** Hashing first gives equal-length buffers, so timingSafeEqual never throws and length is not leaked. */
function constantTimeEqual(a: string, b: string): boolean {
  const hash = (s: string) => createHmac('sha256', 'webhook-verify-token').update(s).digest();
  return timingSafeEqual(hash(a), hash(b));
}
