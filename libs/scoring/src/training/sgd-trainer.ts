import { BUCKETS, Featurizer, type FeatureOptions } from '../features';
import { COMPLAINT_OUTPUT, LinearModel, OUTPUTS, sigmoid, softmax3 } from '../linear-model';
import type { Example } from './labelled-data';

export interface TrainOptions {
  epochs: number;
  /** AdaGrad base learning rate. */
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
  seed: number;
  featureOptions: FeatureOptions;
  /** Weigh classes inversely to their frequency, so the model is not tuned to the airline's share of complaints. */
  balanceClasses: boolean;
  /**
   * Chance, per sentiment example and epoch, of hiding its word and character n-grams so the
   * lexicon features must carry it alone: keeps the airline vocabulary from deciding the tone of
   * tweets about anything else.
   */
  ngramDropout: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 6,
  learningRate: 0.1,
  l2: 1e-5,
  seed: 20_260_401,
  featureOptions: { wordScale: 1, charScale: 1, denseScale: 1 },
  balanceClasses: true,
  ngramDropout: 0,
};

interface Packed {
  task: 0 | 1;
  label: number;
  weight: number;
  idx: Int32Array;
  val: Float32Array;
  denseStart: number;
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function classWeights(examples: Example[], classes: number, balance: boolean): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const e of examples) counts[e.label]++;
  return counts.map((c) => (balance && c > 0 ? examples.length / (classes * c) : 1));
}

/**
 * Trains the sentiment softmax (outputs 0-2) and the complaint logistic regression (output 3) on one
 * shared hashed feature space, with AdaGrad and L2, interleaving both tasks in a seeded shuffle.
 */
export function train(sentiment: Example[], complaint: Example[], options: TrainOptions): LinearModel {
  const featurizer = new Featurizer(options.featureOptions);
  const sw = classWeights(sentiment, 3, options.balanceClasses);
  const cw = classWeights(complaint, 2, options.balanceClasses);
  const pack = (e: Example, task: 0 | 1): Packed => {
    const f = featurizer.extract(e.text);
    return {
      task,
      label: e.label,
      weight: task === 0 ? sw[e.label] : cw[e.label],
      idx: f.idx.slice(0, f.n),
      val: f.val.slice(0, f.n),
      denseStart: f.denseStart,
    };
  };
  const data = [...sentiment.map((e) => pack(e, 0)), ...complaint.map((e) => pack(e, 1))];

  const model = LinearModel.empty(options.featureOptions);
  const w = model.weights;
  const b = model.bias;
  const g2 = new Float32Array(BUCKETS * OUTPUTS);
  const gb2 = new Float64Array(OUTPUTS);
  const { learningRate: lr, l2 } = options;
  const random = prng(options.seed);
  const logits = new Float64Array(OUTPUTS);
  const probs = new Float64Array(3);
  const grad = new Float64Array(OUTPUTS);
  const order = data.map((_, i) => i);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const ex = data[k];
      const { idx, val } = ex;
      const first = ex.task === 0 && random() < options.ngramDropout ? ex.denseStart : 0;
      model.logits({ idx: idx.subarray(first), val: val.subarray(first), n: idx.length - first }, logits);
      let from: number;
      let to: number;
      if (ex.task === 0) {
        softmax3(logits, probs);
        for (let c = 0; c < 3; c++) grad[c] = ex.weight * (probs[c] - (c === ex.label ? 1 : 0));
        from = 0;
        to = 3;
      } else {
        grad[COMPLAINT_OUTPUT] = ex.weight * (sigmoid(logits[COMPLAINT_OUTPUT]) - ex.label);
        from = COMPLAINT_OUTPUT;
        to = OUTPUTS;
      }
      for (let c = from; c < to; c++) {
        const g = grad[c];
        gb2[c] += g * g;
        b[c] -= (lr * g) / (Math.sqrt(gb2[c]) + 1e-8);
        for (let f = first; f < idx.length; f++) {
          const o = idx[f] * OUTPUTS + c;
          const gf = g * val[f] + l2 * w[o];
          g2[o] += gf * gf;
          w[o] -= (lr * gf) / (Math.sqrt(g2[o]) + 1e-8);
        }
      }
    }
  }
  return model;
}
