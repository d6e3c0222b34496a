export * from './shared/connector-errors';
export type { RateLimitSnapshot } from './shared/rate-limit';
export type * from './shared/source-connector';
export { createXClient, type XClientOptions } from './x/x-client.factory';
export { XSearchConnector, type XCursor, type XSearchPage } from './x/x-search.connector';
export { tweetToMention } from './x/x-mention.mapper';
