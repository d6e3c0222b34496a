import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUCKETS, type FeatureOptions, type Features } from './features';

/** Outputs per bucket: three sentiment logits (negative, neutral, positive) and one complaint logit. */
export const OUTPUTS = 4;
export const COMPLAINT_OUTPUT = 3;

/** Resolved from the compiled file: works from libs/scoring/src (Jest, tsx) and libs/scoring/dist (runtime). */
export const MODEL_DIR = resolve(__dirname, '../model');
export const WEIGHTS_FILE = 'weights.bin';
export const CARD_FILE = 'model-card.json';

/** The committed description of the weights: what the loader needs, and how they were made and measured. */
export interface ModelCard {
  name: string;
  format: string;
  buckets: number;
  outputs: number;
  /** Per output: weight = int16 * scale. */
  scales: number[];
  bias: number[];
  featureOptions: FeatureOptions;
  complaintThreshold: number;
  /** Weights of the sentiment probabilities [negative, neutral, positive] in the complaint logit. */
  complaintStack?: number[];
  training: Record<string, unknown>;
  eval?: Record<string, unknown>;
}

/**
 * Weights interleaved per bucket ([neg, neu, pos, complaint] × BUCKETS) so one feature touches one
 * cache line. The complaint logit also takes the sentiment head's probabilities (complaintStack):
 * the sentiment head learnt tone from ten times more tweets than there are labelled complaints.
 */
export class LinearModel {
  constructor(
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly featureOptions: FeatureOptions,
    readonly complaintThreshold = 0.5,
    readonly complaintStack: Float32Array = new Float32Array(3),
  ) {}

  /**
   * The committed weights as stored (int16, dequantised per output in logits()): half the memory of
   * float32, so more of the 8 MiB table stays in cache while scoring. Absent while training.
   */
  private quantised: { weights: Int16Array; scales: Float64Array } | undefined;

  static empty(featureOptions: FeatureOptions): LinearModel {
    return new LinearModel(new Float32Array(BUCKETS * OUTPUTS), new Float32Array(OUTPUTS), featureOptions);
  }

  /** Writes the four logits into `logits`. */
  logits(f: Pick<Features, 'idx' | 'val' | 'n'>, logits: Float64Array): void {
    const q = this.quantised;
    if (q === undefined) {
      // Training's order of additions (bias first), which the committed weights were fitted with.
      weightedSums(this.weights, f, this.bias, logits);
    } else {
      weightedSums(q.weights, f, NO_BIAS, logits);
      for (let k = 0; k < OUTPUTS; k++) logits[k] = this.bias[k] + logits[k] * q.scales[k];
    }
    const a = logits[0];
    const b = logits[1];
    const c = logits[2];
    let d = logits[3];
    const s = this.complaintStack;
    if (s[0] !== 0 || s[1] !== 0 || s[2] !== 0) {
      const m = Math.max(a, b, c);
      const ea = Math.exp(a - m);
      const eb = Math.exp(b - m);
      const ec = Math.exp(c - m);
      d += (s[0] * ea + s[1] * eb + s[2] * ec) / (ea + eb + ec);
    }
    logits[3] = d;
  }

  /** Quantises to int16 per output (max |w| maps to 32767): half the size of float32, error < 1e-4 of the range. */
  serialise(card: Omit<ModelCard, 'scales' | 'bias' | 'complaintStack' | 'buckets' | 'outputs' | 'format'>): {
    bytes: Buffer;
    card: ModelCard;
  } {
    const scales: number[] = [];
    for (let k = 0; k < OUTPUTS; k++) {
      let max = 0;
      for (let i = k; i < this.weights.length; i += OUTPUTS) max = Math.max(max, Math.abs(this.weights[i]));
      scales.push(max > 0 ? max / 32767 : 1);
    }
    const q = new Int16Array(this.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weights[i] / scales[i % OUTPUTS]);
    const bytes = Buffer.alloc(q.length * 2);
    for (let i = 0; i < q.length; i++) bytes.writeInt16LE(q[i], i * 2);
    return {
      bytes,
      card: {
        ...card,
        format: 'int16 little-endian, interleaved [negative, neutral, positive, complaint] per bucket',
        buckets: BUCKETS,
        outputs: OUTPUTS,
        scales,
        bias: Array.from(this.bias),
        complaintStack: Array.from(this.complaintStack),
      },
    };
  }

  static load(dir: string = MODEL_DIR): LinearModel {
    const card = readCard(dir);
    const bytes = readFileSync(resolve(dir, WEIGHTS_FILE));
    if (card.buckets !== BUCKETS || card.outputs !== OUTPUTS || bytes.length !== BUCKETS * OUTPUTS * 2) {
      throw new Error(`scoring model in ${dir} does not match this code (${card.buckets}×${card.outputs})`);
    }
    const quantised = new Int16Array(BUCKETS * OUTPUTS);
    const weights = new Float32Array(BUCKETS * OUTPUTS);
    for (let i = 0; i < weights.length; i++) {
      quantised[i] = bytes.readInt16LE(i * 2);
      weights[i] = quantised[i] * card.scales[i % OUTPUTS];
    }
    const model = new LinearModel(
      weights,
      Float32Array.from(card.bias),
      card.featureOptions,
      card.complaintThreshold,
      Float32Array.from(card.complaintStack ?? [0, 0, 0]),
    );
    model.quantised = { weights: quantised, scales: Float64Array.from(card.scales) };
    return model;
  }
}

export function readCard(dir: string = MODEL_DIR): ModelCard {
  return JSON.parse(readFileSync(resolve(dir, CARD_FILE), 'utf8')) as ModelCard;
}

const NO_BIAS = new Float32Array(OUTPUTS);

/** Per output, `start` plus the sum of weight × value over a post's features, into sums[0..3]. */
function weightedSums(
  w: Int16Array | Float32Array,
  f: Pick<Features, 'idx' | 'val' | 'n'>,
  start: Float32Array,
  sums: Float64Array,
): void {
  let a = start[0];
  let b = start[1];
  let c = start[2];
  let d = start[3];
  const { idx, val, n } = f;
  for (let k = 0; k < n; k++) {
    const o = idx[k] * OUTPUTS;
    const v = val[k];
    a += w[o] * v;
    b += w[o + 1] * v;
    c += w[o + 2] * v;
    d += w[o + 3] * v;
  }
  sums[0] = a;
  sums[1] = b;
  sums[2] = c;
  sums[3] = d;
}

/** Softmax of the three sentiment logits, into probs[0..2]. */
export function softmax3(logits: Float64Array, probs: Float64Array): void {
  const m = Math.max(logits[0], logits[1], logits[2]);
  const e0 = Math.exp(logits[0] - m);
  const e1 = Math.exp(logits[1] - m);
  const e2 = Math.exp(logits[2] - m);
  const s = e0 + e1 + e2;
  probs[0] = e0 / s;
  probs[1] = e1 / s;
  probs[2] = e2 / s;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
