import type { SentimentLabel } from '@lp/domain';
import { fnv1a } from '../hashing';
import { FALLBACK_TOPIC, PRAISE_TOPIC, type TopicRule } from '../topic-rules';
import { MULTILINGUAL_TOPIC_RULES, OVERRIDE_TOPICS, PROBLEM_TOPICS, TOPICS } from './keyword-rules';
import { KeywordMatcher } from './keyword-matcher';
import { MAX_TOPIC_CHARS, TOPIC_BUCKETS, TopicFeaturizer } from './topic-features';
import { prng } from '../training/sgd-trainer';
import { topicScores } from './topic-data';
import { TopicModel, type TopicPolicy } from './topic-model';

export interface TrainRow {
  key: string;
  text: string;
  topic: string;
  sentiment: SentimentLabel;
}

interface Featurised {
  idx: Int32Array;
  val: Float32Array;
  uni: Int32Array;
  y: number;
}

export interface TopicTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Class weight (n / (k · n_class))^balance: 0 plain, 1 fully balanced. */
  balance: number;
  seed: number;
}

export const DEFAULT_TOPIC_TRAIN: TopicTrainOptions = {
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-4,
  balance: 0.5,
  seed: 7,
};
export const L2_GRID = [1e-4, 1e-3];
export const BALANCE_GRID = [0, 0.5, 1];
export const CONFIDENCE_GRID = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
export const TOPIC_FOLDS = 5;
/**
 * Fixed, not tuned: the labelled tweets are English, so cross-validation cannot see what the gate is
 * for (tweets in other languages, where most words are unknown to the model).
 */
export const MIN_KNOWN_WORDS = 0.5;

const CLASSES: readonly string[] = TOPICS;

export function featurise(rows: readonly TrainRow[]): Featurised[] {
  const f = new TopicFeaturizer();
  return rows.map((r) => {
    f.extract(r.text);
    return {
      idx: f.idx.slice(0, f.n),
      val: f.val.slice(0, f.n),
      uni: f.uni.slice(0, f.words),
      y: CLASSES.indexOf(r.topic),
    };
  });
}

/** Multinomial logistic regression by SGD with a decaying step and L2 on the touched weights. */
export function trainTopicModel(data: readonly Featurised[], o: TopicTrainOptions, policy: TopicPolicy): TopicModel {
  const k = CLASSES.length;
  const w = new Float32Array(TOPIC_BUCKETS * k);
  const b = new Float32Array(k);
  const counts = new Array<number>(k).fill(0);
  for (const d of data) counts[d.y]++;
  const cw = counts.map((c) => (c === 0 ? 0 : Math.pow(data.length / (k * c), o.balance)));
  const order = data.map((_, i) => i);
  const next = prng(o.seed);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = o.learningRate / Math.sqrt(1 + epoch);
    for (const i of order) {
      const { idx, val, y } = data[i];
      for (let c = 0; c < k; c++) z[c] = b[c];
      for (let f = 0; f < idx.length; f++) {
        const off = idx[f] * k;
        for (let c = 0; c < k; c++) z[c] += w[off + c] * val[f];
      }
      let m = -Infinity;
      for (let c = 0; c < k; c++) m = Math.max(m, z[c]);
      let s = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp(z[c] - m);
        s += z[c];
      }
      const weight = cw[y];
      for (let c = 0; c < k; c++) z[c] = (weight * (z[c] / s - (c === y ? 1 : 0))) as number;
      for (let c = 0; c < k; c++) b[c] -= lr * z[c];
      for (let f = 0; f < idx.length; f++) {
        const off = idx[f] * k;
        const v = val[f];
        for (let c = 0; c < k; c++) w[off + c] -= lr * (z[c] * v + o.l2 * w[off + c]);
      }
    }
  }
  const seen = new Uint8Array(TOPIC_BUCKETS);
  for (const d of data) for (const u of d.uni) seen[d.idx[u]] = 1;
  return new TopicModel(CLASSES, w, b, policy, seen);
}

/** What the rules say about a row, precomputed: the override topic, and the fallback topic. */
interface RuleView {
  override: string | null;
  fallback: string | null;
}

export function ruleViews(
  rows: readonly TrainRow[],
  rules: readonly TopicRule[] = MULTILINGUAL_TOPIC_RULES,
): RuleView[] {
  const matcher = new KeywordMatcher(rules);
  const order = rules.map((_, i) => i);
  const over = order.filter((i) => OVERRIDE_TOPICS.has(rules[i].topic));
  const rest = order.filter((i) => !OVERRIDE_TOPICS.has(rules[i].topic));
  return rows.map((r) => {
    const text = r.text.slice(0, MAX_TOPIC_CHARS);
    matcher.scan(text.toLowerCase());
    const first = (ids: number[], skipPraise: boolean) => {
      const i = ids.find((j) => !(skipPraise && rules[j].topic === PRAISE_TOPIC) && matcher.matches(j, text));
      return i === undefined ? null : rules[i].topic;
    };
    return { override: first(over, false), fallback: first(rest, r.sentiment === 'negative') };
  });
}

/** The classifier's decision (topic-classifier.ts) from precomputed probabilities and rules. */
export function decide(
  probs: ArrayLike<number>,
  known: number,
  rules: RuleView,
  sentiment: SentimentLabel,
  p: TopicPolicy,
): string {
  if (rules.override) return rules.override;
  let best = 0;
  for (let c = 1; c < CLASSES.length; c++) if (probs[c] > probs[best]) best = c;
  const topic = CLASSES[best];
  const bar = PROBLEM_TOPICS.has(topic) ? p.problemConfidence : p.otherConfidence;
  const praise = (t: string) =>
    p.praiseWhenPositive && t === FALLBACK_TOPIC && sentiment === 'positive' ? PRAISE_TOPIC : t;
  if (known >= p.minKnownWords && probs[best] >= bar) return praise(topic);
  return rules.fallback ?? praise(topic);
}

export interface Selection {
  options: TopicTrainOptions;
  policy: TopicPolicy;
  cvMacroF1: number;
  cvModelOnlyMacroF1: number;
  grid: Array<{ l2: number; balance: number; bestPolicy: TopicPolicy; macroF1: number; modelOnlyMacroF1: number }>;
}

/**
 * Chooses L2, class balance and the combination policy by k-fold cross-validation inside the
 * training rows (folds by a hash of the key), maximising the macro-F1 of the combined decision.
 */
export function selectByCrossValidation(rows: readonly TrainRow[], base = DEFAULT_TOPIC_TRAIN): Selection {
  const data = featurise(rows);
  const views = ruleViews(rows);
  const fold = rows.map((r) => fnv1a(`topics-fold:${r.key}`) % TOPIC_FOLDS);
  const gold = rows.map((r) => r.topic);
  const noPolicy: TopicPolicy = {
    problemConfidence: 0,
    otherConfidence: 0,
    praiseWhenPositive: false,
    minKnownWords: 0,
  };
  const grid: Selection['grid'] = [];
  let best: Selection | undefined;
  for (const l2 of L2_GRID) {
    for (const balance of BALANCE_GRID) {
      const options = { ...base, l2, balance };
      const probs: Float64Array[] = new Array<Float64Array>(rows.length);
      const known: number[] = new Array<number>(rows.length).fill(1);
      for (let f = 0; f < TOPIC_FOLDS; f++) {
        const model = trainTopicModel(
          data.filter((_, i) => fold[i] !== f),
          options,
          noPolicy,
        );
        data.forEach((d, i) => {
          if (fold[i] !== f) return;
          const out = new Float64Array(model.k);
          model.predict(d.idx, d.val, d.idx.length, out);
          probs[i] = out;
          known[i] = model.knownWords(d.idx, d.uni, d.uni.length);
        });
      }
      const modelOnly = topicScores(
        gold,
        rows.map((r, i) => decide(probs[i], 1, { override: null, fallback: null }, r.sentiment, noPolicy)),
      ).macro.f1;
      let cellBest: { policy: TopicPolicy; f1: number } | undefined;
      for (const problemConfidence of CONFIDENCE_GRID) {
        for (const otherConfidence of CONFIDENCE_GRID) {
          for (const praiseWhenPositive of [false, true]) {
            const policy = { problemConfidence, otherConfidence, praiseWhenPositive, minKnownWords: MIN_KNOWN_WORDS };
            const pred = rows.map((r, i) => decide(probs[i], known[i], views[i], r.sentiment, policy));
            const f1 = topicScores(gold, pred).macro.f1;
            if (!cellBest || f1 > cellBest.f1 + 1e-9) cellBest = { policy, f1 };
          }
        }
      }
      if (!cellBest) continue;
      grid.push({ l2, balance, bestPolicy: cellBest.policy, macroF1: cellBest.f1, modelOnlyMacroF1: modelOnly });
      if (!best || cellBest.f1 > best.cvMacroF1 + 1e-9) {
        best = { options, policy: cellBest.policy, cvMacroF1: cellBest.f1, cvModelOnlyMacroF1: modelOnly, grid };
      }
    }
  }
  if (!best) throw new Error('no training rows');
  return { ...best, grid };
}

export { CLASSES as TOPIC_CLASSES };
