import type { MentionView } from '@lp/domain';

/** A complete MentionView for the helpers' tests; only what a test cares about needs saying. */
export function fixtureMention(patch: Partial<MentionView> & { id: string; postedAt: string }): MentionView {
  return {
    platform: 'x',
    externalId: patch.id,
    sourceId: null,
    text: 'my router is down again',
    url: `https://x.com/i/status/${patch.id}`,
    author: { externalId: 'a1', handle: 'sam', name: 'Sam Doe', followers: 10, verified: false },
    metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
    inReplyToExternalId: null,
    sentiment: 'neutral',
    sentimentScore: 0,
    complaint: 0,
    urgency: 10,
    urgencyLevel: 'low',
    topic: 'general',
    lang: 'en',
    reasons: [],
    claim: null,
    seq: 1,
    status: 'new',
    ingestedAt: patch.postedAt,
    tags: [],
    firstResponseAt: null,
    sla: null,
    ...patch,
  };
}

export const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
/** ISO time `minutes` before T0. */
export const ago = (minutes: number) => new Date(T0 - minutes * 60_000).toISOString();
