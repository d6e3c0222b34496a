export {
  FeedConnector,
  FEED_DEFAULT_MAX_BYTES,
  FEED_DEFAULT_TIMEOUT_MS,
  type FeedConnectorOptions,
} from './feed.connector';
export type { FeedCursor } from './feed-cursor';
export { blockedAddressKind, resolveFeedTarget, type LookupAll } from './url-guard';
