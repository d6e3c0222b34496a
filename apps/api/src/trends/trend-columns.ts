import type { TrendName, TrendRows } from '@lp/domain';

/** The columns of each trend's CSV, in order: the header row names them as the JSON does. */
export const TREND_COLUMNS: { [N in TrendName]: ReadonlyArray<keyof TrendRows[N] & string> } = {
  sentiment: ['bucket', 'negative', 'neutral', 'positive', 'total'],
  'negative-share': ['bucket', 'mentions', 'negative', 'share'],
  platforms: ['bucket', 'x', 'facebook', 'youtube', 'feed', 'total'],
  topics: ['topic', 'mentions', 'negative', 'complaints', 'critical'],
  'rising-terms': ['term', 'mentions', 'expected', 'ratio'],
  'response-times': ['bucket', 'responses', 'medianS', 'p90S'],
  'sla-breaches': ['bucket', 'critical', 'high', 'normal', 'low', 'total'],
  agents: ['agentId', 'name', 'claims', 'repliesSent', 'approvals', 'statusChanges', 'notes'],
  replies: ['bucket', 'sent', 'failed', 'rejected', 'pending'],
};
