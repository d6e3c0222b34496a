import { BUCKETS, Featurizer, type FeatureOptions, type Features } from '../features';
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
  /**
   * Models trained with consecutive seeds and averaged into one (absent: 1). With one, the held-out
   * airline macro-recall moved between 77.1 and 78.7 with the shuffle order alone.
   */
  averageOf?: number;
  /**
   * Weight of each sentiment domain (Example.domain; `umsab:*` matches every UMSAB language), applied
   * after balancing the classes inside that domain. Absent: 1. The mix is chosen by cross-validation
   * inside the training parts (model-selection.ts).
   */
  domainWeights?: Record<string, number>;
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
  /** Complaint examples, when stacking: the sentiment head's [negative, neutral, positive] probabilities. */
  tone?: Float64Array;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same shuffles on every machine. */
export function prng(seed: number): () => number {
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

/** The weight a domain's examples carry: `umsab:es` falls back to the `umsab` entry. */
export function domainWeight(weights: Record<string, number> | undefined, domain: string | undefined): number {
  if (weights === undefined || domain === undefined) return 1;
  return weights[domain] ?? weights[domain.split(':')[0]] ?? 1;
}

/**
 * Per example: its class weight inside its own domain times the domain's weight, so a large general
 * set with few negatives does not decide what "neutral" means for support tweets.
 */
function exampleWeights(examples: Example[], classes: number, options: TrainOptions): number[] {
  const byDomain = new Map<string, Example[]>();
  for (const e of examples) {
    const list = byDomain.get(e.domain ?? '');
    if (list) list.push(e);
    else byDomain.set(e.domain ?? '', [e]);
  }
  const perDomain = new Map<string, number[]>();
  for (const [domain, list] of byDomain) perDomain.set(domain, classWeights(list, classes, options.balanceClasses));
  return examples.map(
    (e) => (perDomain.get(e.domain ?? '') as number[])[e.label] * domainWeight(options.domainWeights, e.domain),
  );
}

/**
 * The whole recipe, in two stages: the multi-task model (trainJoint), then its complaint head fitted
 * again with the sentiment head's probabilities as three more inputs (trainComplaint, stacking).
 */
export function train(sentiment: Example[], complaint: Example[], options: TrainOptions): LinearModel {
  return trainComplaint(trainJoint(sentiment, complaint, options), complaint, options);
}

/**
 * The complaint logistic regression (output 3) over the text features plus `sentimentModel`'s three
 * tone probabilities, returned merged with that model's sentiment outputs. Tone is learnt from the
 * ~10,000 sentiment tweets, so the ~2,000 labelled complaints need not learn it again (in 10-fold
 * cross-validation: macro-F1 0.775 -> 0.800, ROC-AUC 0.877 -> 0.893).
 */
export function trainComplaint(sentimentModel: LinearModel, complaint: Example[], options: TrainOptions): LinearModel {
  const trained = averaged(options, (seeded) => fitOnce([], complaint, seeded, sentimentModel));
  const weights = Float32Array.from(sentimentModel.weights);
  for (let i = COMPLAINT_OUTPUT; i < weights.length; i += OUTPUTS) weights[i] = trained.weights[i];
  const bias = Float32Array.from(sentimentModel.bias);
  bias[COMPLAINT_OUTPUT] = trained.bias[COMPLAINT_OUTPUT];
  return new LinearModel(weights, bias, options.featureOptions, 0.5, trained.complaintStack);
}

/**
 * The multi-task model: the sentiment softmax (outputs 0-2) and the complaint logistic regression
 * (output 3) on one shared hashed feature space, averaged over `options.averageOf` seeds. The two
 * tasks touch separate outputs, so either list may be empty.
 */
export function trainJoint(sentiment: Example[], complaint: Example[], options: TrainOptions): LinearModel {
  return averaged(options, (seeded) => fitOnce(sentiment, complaint, seeded));
}

/** The mean of the weights, biases and stacking weights of models fitted with consecutive seeds. */
function averaged(options: TrainOptions, fit: (seeded: TrainOptions) => LinearModel): LinearModel {
  const count = Math.max(1, options.averageOf ?? 1);
  const models = Array.from({ length: count }, (_, k) => fit({ ...options, seed: options.seed + k }));
  if (count === 1) return models[0];
  const mean = (pick: (m: LinearModel) => Float32Array): Float32Array => {
    const sum = new Float32Array(pick(models[0]).length);
    for (const m of models) {
      const values = pick(m);
      for (let i = 0; i < sum.length; i++) sum[i] += values[i] / count;
    }
    return sum;
  };
  return new LinearModel(
    mean((m) => m.weights),
    mean((m) => m.bias),
    options.featureOptions,
    0.5,
    mean((m) => m.complaintStack),
  );
}

/**
 * One fit, with AdaGrad and L2, interleaving both tasks in a seeded shuffle. With `toneFrom`,
 * complaint examples also feed that model's sentiment probabilities to three stacking weights (the
 * returned model's complaintStack).
 */
function fitOnce(
  sentiment: Example[],
  complaint: Example[],
  options: TrainOptions,
  toneFrom?: LinearModel,
): LinearModel {
  const featurizer = new Featurizer(options.featureOptions);
  const toneLogits = new Float64Array(OUTPUTS);
  const toneOf = (f: Features): Float64Array => {
    const tone = new Float64Array(3);
    toneFrom?.logits(f, toneLogits);
    softmax3(toneLogits, tone);
    return tone;
  };
  const sw = exampleWeights(sentiment, 3, options);
  const cw = classWeights(complaint, 2, options.balanceClasses);
  const pack = (e: Example, i: number, task: 0 | 1): Packed => {
    const f = featurizer.extract(e.text, e.lang);
    return {
      task,
      label: e.label,
      weight: task === 0 ? sw[i] : cw[e.label],
      idx: f.idx.slice(0, f.n),
      val: f.val.slice(0, f.n),
      denseStart: f.denseStart,
      tone: task === 1 && toneFrom ? toneOf(f) : undefined,
    };
  };
  const data = [...sentiment.map((e, i) => pack(e, i, 0)), ...complaint.map((e, i) => pack(e, i, 1))];

  const model = LinearModel.empty(options.featureOptions);
  const w = model.weights;
  const b = model.bias;
  // Kept apart from `model` while training: its logits() would add the stack from its own (empty) tone.
  const stack = new Float32Array(3);
  const gs2 = new Float64Array(3);
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
        const tone = ex.tone;
        const z = logits[COMPLAINT_OUTPUT] + (tone ? stack[0] * tone[0] + stack[1] * tone[1] + stack[2] * tone[2] : 0);
        grad[COMPLAINT_OUTPUT] = ex.weight * (sigmoid(z) - ex.label);
        from = COMPLAINT_OUTPUT;
        to = OUTPUTS;
        if (tone) {
          for (let k = 0; k < 3; k++) {
            const gk = grad[COMPLAINT_OUTPUT] * tone[k] + l2 * stack[k];
            gs2[k] += gk * gk;
            stack[k] -= (lr * gk) / (Math.sqrt(gs2[k]) + 1e-8);
          }
        }
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
  return new LinearModel(w, b, options.featureOptions, 0.5, stack);
}
