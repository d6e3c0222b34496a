export { FacebookConnector, type FacebookConnectorOptions } from './facebook.connector';
export type { FacebookCursor } from './facebook-cursor';
export { GraphApiError } from './facebook-errors';
export { commentToMention, postToMention, facebookPostUrl, facebookCommentUrl } from './facebook-mention.mapper';
export {
  parseFeedWebhook,
  verifyWebhookChallenge,
  verifyWebhookSignature,
  type WebhookChallengeQuery,
} from './facebook-webhook';
