export { YouTubeConnector, type YouTubeConnectorOptions } from './youtube.connector';
export { createYouTubeClient, YOUTUBE_ROOT_URL, type YouTubeClientOptions } from './youtube-client.factory';
export { QuotaLedger, QUOTA_COSTS, DEFAULT_QUOTA_POLICY, type QuotaPolicy, type QuotaState } from './quota-ledger';
export { nextPacificMidnight, pacificDay } from './pacific-day';
export type { YouTubeCursor } from './youtube-cursor';
export type { YouTubeSettings } from './youtube-settings';
export { commentThreadToMention, searchResultToMention } from './youtube-mention.mapper';
