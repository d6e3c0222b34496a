import { randomUUID } from 'node:crypto';
import type { MentionScores, MentionView, Platform, RawMention } from '@lp/domain';
import { createDataSource, MentionRepository } from '@lp/persistence';
import { TEST_DATABASE_URL } from './services';

export interface StoredMentionSpec {
  text: string;
  /** The language it is stored with: set here, whatever the scorer would say. */
  lang: string;
  platform?: Platform;
  sentiment?: MentionScores['sentiment'];
  urgencyLevel?: MentionScores['urgencyLevel'];
  topic?: string;
  postedAt?: Date;
}

/**
 * Stores scored mentions as ingest does (the same batch upsert, so the trend counts move with them),
 * with the scores, language included, chosen by the test. No event is sent: screens see them after a
 * load or a catch-up.
 */
export async function storeMentions(
  specs: readonly StoredMentionSpec[],
  url = TEST_DATABASE_URL,
): Promise<MentionView[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const upserted = await new MentionRepository(dataSource).upsertBatch(
      specs.map((spec) => {
        const externalId = `stored-${randomUUID()}`;
        const handle = `user_${externalId.slice(7, 15)}`;
        const mention: RawMention = {
          platform: spec.platform ?? 'x',
          externalId,
          sourceId: null,
          text: spec.text,
          url: `https://x.com/${handle}/status/${externalId}`,
          platformLang: spec.lang,
          author: {
            externalId: `author-${externalId}`,
            handle,
            name: `Author ${handle}`,
            followers: 120,
            verified: false,
          },
          postedAt: (spec.postedAt ?? new Date()).toISOString(),
          metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0 },
          inReplyToExternalId: null,
        };
        const level = spec.urgencyLevel ?? 'normal';
        const scores: MentionScores = {
          sentiment: spec.sentiment ?? 'negative',
          sentimentScore: spec.sentiment === 'positive' ? 0.6 : spec.sentiment === 'neutral' ? 0 : -0.6,
          complaint: 0.7,
          urgency: { low: 10, normal: 40, high: 70, critical: 90 }[level],
          urgencyLevel: level,
          topic: spec.topic ?? 'software',
          lang: spec.lang,
          reasons: [],
        };
        return { mention, scores };
      }),
    );
    return upserted.map((u) => u.view);
  } finally {
    await dataSource.destroy();
  }
}
