import { Injectable } from '@nestjs/common';
import type { SolutionStats } from '@lp/domain';
import { SolutionStatsRepository } from '@lp/persistence';

const TOP = 10;
/** Replied mentions read to find the problems answered without a solution. */
const UNANSWERED_SAMPLE = 2_000;
const TERMS_PER_TOPIC = 5;
/** Words that say nothing about the problem. */
const STOP_WORDS = new Set(
  (
    'the a an and or but is are was were be been to of in on at for with my me i you your it its this that ' +
    "not no so just now still again why how what when can cant can't dont don't do does did have has had " +
    'from all any get got out up our we they them he she his her as by if than then too very really'
  ).split(' '),
);

/** Figures for managers: do our answers work, which are reused, which fail, and where answers are missing. */
@Injectable()
export class SolutionStatsService {
  constructor(private readonly stats: SolutionStatsRepository) {}

  async summary(days: number): Promise<SolutionStats> {
    const since = new Date(Date.now() - days * 86_400_000);
    const [outcomes, mostReused, keepsFailing, unanswered] = await Promise.all([
      this.stats.outcomeCounts(since),
      this.stats.mostReused(TOP),
      this.stats.keepsFailing(TOP),
      this.stats.answeredWithoutSolution(since, UNANSWERED_SAMPLE),
    ]);
    const judged = outcomes.confirmed + outcomes.failed + outcomes.unclear;
    return {
      outcomes: { ...outcomes, confirmedShare: judged === 0 ? null : outcomes.confirmed / judged },
      mostReused,
      keepsFailing,
      unanswered: groupUnanswered(unanswered),
    };
  }
}

/** Topics answered without a solution, most replies first, each with its most frequent words. */
export function groupUnanswered(rows: Array<{ topic: string; text: string }>): SolutionStats['unanswered'] {
  const byTopic = new Map<string, { replies: number; words: Map<string, number> }>();
  for (const { topic, text } of rows) {
    const entry = byTopic.get(topic) ?? { replies: 0, words: new Map<string, number>() };
    entry.replies++;
    const seen = new Set(
      text
        .toLowerCase()
        .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
        .split(/[^a-z0-9']+/)
        .filter((w) => w.length > 2 && !STOP_WORDS.has(w)),
    );
    for (const word of seen) entry.words.set(word, (entry.words.get(word) ?? 0) + 1);
    byTopic.set(topic, entry);
  }
  return [...byTopic.entries()]
    .map(([topic, { replies, words }]) => ({
      topic,
      replies,
      terms: [...words.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TERMS_PER_TOPIC)
        .map(([w]) => w),
    }))
    .sort((a, b) => b.replies - a.replies)
    .slice(0, TOP);
}
