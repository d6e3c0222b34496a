import { fnv1a } from '../hashing';
import { type LinearModel } from '../linear-model';
import { predictComplaint, predictSentiment } from './evaluate';
import { type Example } from './labelled-data';
import { f1, macroF1Classes, macroRecall } from './metrics';
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
 * Macro-recall points within which a candidate's support (airline) figure counts as no worse than
 * the best one's: about one standard error over the ~9,900 cross-validated airline tweets.
 */
export const TOLERANCE_POINTS = 0.5;

/** Folds of the domain-mix search: three keep it to minutes over ~70,000 tweets. */
export const MIX_FOLDS = 3;

/** One candidate of the mix search and its cross-validated figures on each domain's training part. */
export interface MixCandidate {
  generalWeight: number;
  charScale: number;
  /** Macro-recall on support (airline) tweets. */
  support: number;
  /** Macro-recall on general (SemEval) tweets. */
  general: number;
  /** Macro-F1 averaged over the UMSAB languages trained on. */
  languages: number;
  /** The mean of the three: what the search maximises. */
  mean: number;
}

export interface MixSelection {
  options: TrainOptions;
  candidates: MixCandidate[];
}

/**
 * Chooses the weight of the general-tweet domain and the character-n-gram scale by MIX_FOLDS-fold
 * cross-validation inside the training parts of every domain (support, general, each language),
 * one seed per fit: the candidate with the best mean of the three domains' figures, among those
 * whose support figure is within TOLERANCE_POINTS of the best support figure (the support domain
 * must not pay for the general one). No held-out, TweetEval or UMSAB validation data is read.
 */
export function chooseDomainMix(
  sentiment: Example[],
  compTrain: Example[],
  base: TrainOptions,
  grid: { generalWeights: readonly number[]; charScales: readonly number[] },
): MixSelection {
  const fold = (e: Example) => fnv1a(`mix:${e.id}`) % MIX_FOLDS;
  const candidates: MixCandidate[] = [];
  for (const charScale of grid.charScales) {
    for (const generalWeight of grid.generalWeights) {
      const options = withMix(base, generalWeight, charScale);
      const gold: Record<string, number[]> = {};
      const pred: Record<string, number[]> = {};
      for (let k = 0; k < MIX_FOLDS; k++) {
        const model = trainJoint(
          sentiment.filter((e) => fold(e) !== k),
          compTrain,
          { ...options, averageOf: 1 },
        );
        const test = sentiment.filter((e) => fold(e) === k);
        const p = predictSentiment(model, test);
        test.forEach((e, i) => {
          const domain = e.domain ?? '';
          (gold[domain] ??= []).push(e.label);
          (pred[domain] ??= []).push(p[i]);
        });
      }
      const languages = Object.keys(gold).filter((d) => d.startsWith('umsab:'));
      const support = macroRecall(gold.support ?? [], pred.support ?? []);
      const general = macroRecall(gold.general ?? [], pred.general ?? []);
      const lang =
        languages.reduce((sum, d) => sum + macroF1Classes(gold[d], pred[d]), 0) / Math.max(1, languages.length);
      const round2 = (v: number) => Number(v.toFixed(2));
      candidates.push({
        generalWeight,
        charScale,
        support: round2(support),
        general: round2(general),
        languages: round2(lang),
        mean: round2((support + general + lang) / 3),
      });
    }
  }
  const bestSupport = Math.max(...candidates.map((c) => c.support));
  const eligible = candidates.filter((c) => c.support >= bestSupport - TOLERANCE_POINTS);
  const chosen = eligible.reduce((a, b) => (b.mean > a.mean ? b : a));
  return { options: withMix(base, chosen.generalWeight, chosen.charScale), candidates };
}

function withMix(base: TrainOptions, generalWeight: number, charScale: number): TrainOptions {
  return {
    ...base,
    domainWeights: { ...base.domainWeights, general: generalWeight },
    featureOptions: { ...base.featureOptions, charScale },
  };
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
    probs.push(...predictComplaint(model, test));
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
