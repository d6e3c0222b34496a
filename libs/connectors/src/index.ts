export * from './shared/connector-errors';
export type { RateLimitSnapshot } from './shared/rate-limit';
export type * from './shared/source-connector';
export { createXClient, type XClientOptions, type OAuth1UserKeys } from './x/x-client.factory';
export { XConnector, type XConnectorOptions } from './x/x.connector';
export { XSearchConnector, type XCursor, type XSearchPage } from './x/x-search.connector';
export { tweetToMention } from './x/x-mention.mapper';
export { SOURCE_SETTINGS, validateSourceSettings, type SettingsProblem } from './registry/source-settings';
export * from './feeds';
