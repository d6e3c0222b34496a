import { fnv1a } from '../hashing';
import { type LinearModel } from '../linear-model';
import { predictComplaint, predictSentiment } from './evaluate';
import { type Example } from './labelled-data';
import { f1, macroRecall } from './metrics';
import { type TrainOptions, trainComplaint, trainJoint } from './sgd-trainer';

/**
 * Hyper-parameters and the complaint threshold are chosen by cross-validation inside the TRAINING
 * parts only, so the held-out figures (and TweetEval) stay honest estimates.
 */
export const INNER_FOLDS = 5;
/** A separate hash salt from the held-out split, so the inner folds are not a function of it. */
export function innerFold(id: string): number {
  return fnv1a(`inner:${id}`) % INNER_FOLDS;
}

/**
 * Macro-recall points within which two candidates are taken as equally good in-domain (about one
 * standard error over the ~9,900 cross-validated airline tweets): the more regularised one is then
 * preferred, because regularisation is what carries over to text that is not about airlines.
 */
export const TOLERANCE_POINTS = 0.5;

/** Index of the last (most regularised) candidate whose score is within `tolerance` of the best. */
export function pickMostRegularised(scores: readonly number[], tolerance = TOLERANCE_POINTS): number {
  if (scores.length === 0) throw new Error('no candidates');
  const best = Math.max(...scores);
  for (let i = scores.length - 1; i >= 0; i--) if (scores[i] >= best - tolerance) return i;
  return 0;
}

export interface Selection {
  options: TrainOptions;
  /** The cross-validated airline macro-recall of every candidate, for the model card. */
  candidates: Array<{ ngramDropout: number; cvMacroRecall: number }>;
}

/**
 * Scores each n-gram dropout rate (ascending: more dropout leans more on the lexicon features) by
 * INNER_FOLDS-fold cross-validated macro-recall on the airline training part, and keeps the most
 * regularised one within TOLERANCE_POINTS of the best.
 */
export function chooseNgramDropout(
  airTrain: Example[],
  compTrain: Example[],
  base: TrainOptions,
  rates: readonly number[],
): Selection {
  const candidates = rates.map((ngramDropout) => {
    const gold: number[] = [];
    const pred: number[] = [];
    for (let fold = 0; fold < INNER_FOLDS; fold++) {
      const model = trainJoint(
        airTrain.filter((e) => innerFold(e.id) !== fold),
        compTrain,
        { ...base, ngramDropout },
      );
      const test = airTrain.filter((e) => innerFold(e.id) === fold);
      gold.push(...test.map((e) => e.label));
      pred.push(
        ...predictSentiment(
          model,
          test.map((e) => e.text),
        ),
      );
    }
    return { ngramDropout, cvMacroRecall: Number(macroRecall(gold, pred).toFixed(2)) };
  });
  const chosen = candidates[pickMostRegularised(candidates.map((c) => c.cvMacroRecall))];
  return { options: { ...base, ngramDropout: chosen.ngramDropout }, candidates };
}

/**
 * The complaint decision threshold that maximises the complaint class's F1 on out-of-fold
 * predictions (5 folds of the complaint training part, each stacked on the same trained sentiment
 * head): chosen without looking at the held-out ids.
 */
export function chooseComplaintThreshold(
  sentimentModel: LinearModel,
  compTrain: Example[],
  options: TrainOptions,
): number {
  const gold: number[] = [];
  const probs: number[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const model = trainComplaint(
      sentimentModel,
      compTrain.filter((_, i) => i % 5 !== fold),
      options,
    );
    const test = compTrain.filter((_, i) => i % 5 === fold);
    gold.push(...test.map((e) => e.label));
    probs.push(
      ...predictComplaint(
        model,
        test.map((e) => e.text),
      ),
    );
  }
  return bestF1Threshold(gold, probs);
}

/** The threshold in [0.2, 0.8] (step 0.01) with the highest F1 of the complaint class; the lowest such on ties. */
export function bestF1Threshold(gold: readonly number[], probs: readonly number[]): number {
  let best = { threshold: 0.5, f1: -1 };
  for (let step = 20; step <= 80; step++) {
    const t = step / 100;
    const score = f1(
      [...gold],
      probs.map((p) => (p >= t ? 1 : 0)),
    );
    if (score > best.f1) best = { threshold: t, f1: score };
  }
  return best.threshold;
}
