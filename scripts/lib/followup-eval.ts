import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyFollowUp, REPLY_OUTCOMES, type ReplyOutcome } from '@lp/domain';
import { TrainedScorer } from '@lp/scoring';
import { FOLLOW_UP_PHRASES } from '../../apps/simulator/src/chatter/follow-up-phrases';
import {
  AIRLINE_FILE,
  AIRLINE_HELD_OUT_PERCENT,
  isHeldOut,
  loadAirline,
} from '../../libs/scoring/src/training/labelled-data';

export const LABELLED_DIR = resolve(__dirname, '../../../shared/data/labelled');

export interface LabelledFollowUp {
  text: string;
  label: ReplyOutcome;
  source: 'simulator' | 'airline-held-out';
}

/** Customers start a reply with the handle they answer, as on X. */
const OPENERS = ['', '@acme ', '@AcmeSupport ', 'Hi @acme, '];

/** The simulator's follow-up phrasing, each phrase with a few openers. */
export function simulatorSet(): LabelledFollowUp[] {
  return REPLY_OUTCOMES.flatMap((label) =>
    FOLLOW_UP_PHRASES[label].flatMap((phrase, i) =>
      [OPENERS[i % OPENERS.length]!, OPENERS[(i + 1) % OPENERS.length]!].map((opener) => ({
        text: `${opener}${phrase}`,
        label,
        source: 'simulator' as const,
      })),
    ),
  );
}

/** Airline tweets that react to a support exchange: thanks, fixed, still, didn't help, and the like. */
const REACTION =
  /\b(thanks|thank you|thx|fixed|resolved|sorted|worked|works|working|helped|still|didn'?t help|no help|no luck)\b/i;
const BY_SENTIMENT: Record<number, ReplyOutcome> = { 0: 'failed', 1: 'unclear', 2: 'confirmed' };

/**
 * Held-out airline tweets (the ids the scoring model never trained on) that read as reactions to
 * support, labelled from the annotators' sentiment: positive → confirmed, negative → failed,
 * neutral → unclear. A proxy (a negative reaction is not always a failed fix), reported apart.
 */
export function airlineSet(dir = LABELLED_DIR): LabelledFollowUp[] | undefined {
  if (!existsSync(resolve(dir, AIRLINE_FILE))) return undefined;
  return loadAirline(dir)
    .filter((e) => isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT) && REACTION.test(e.text))
    .map((e) => ({ text: e.text, label: BY_SENTIMENT[e.label]!, source: 'airline-held-out' as const }));
}

export interface ClassReport {
  precision: number | null;
  recall: number | null;
  support: number;
}

export type EvalReport = Record<ReplyOutcome, ClassReport> & { accuracy: number; n: number };

/** Classifies each example as the worker does (rules, then the trained sentiment) and measures per class. */
export function evaluate(examples: LabelledFollowUp[], scorer = new TrainedScorer()): EvalReport {
  const predicted = examples.map((e) => {
    const scores = scorer.score({
      text: e.text,
      platformLang: 'en',
      author: { externalId: '1', handle: 'customer', name: 'Customer', followers: 10, verified: false },
    });
    return classifyFollowUp(e.text, { label: scores.sentiment, score: scores.sentimentScore }).outcome;
  });
  const report = { n: examples.length, accuracy: 0 } as EvalReport;
  let correct = 0;
  for (const cls of REPLY_OUTCOMES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    examples.forEach((e, i) => {
      const p = predicted[i];
      if (p === cls && e.label === cls) tp++;
      else if (p === cls) fp++;
      else if (e.label === cls) fn++;
    });
    correct += tp;
    report[cls] = {
      precision: tp + fp === 0 ? null : round(tp / (tp + fp)),
      recall: tp + fn === 0 ? null : round(tp / (tp + fn)),
      support: tp + fn,
    };
  }
  report.accuracy = examples.length === 0 ? 0 : round(correct / examples.length);
  return report;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
