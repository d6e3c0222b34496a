import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL_DIR } from '../linear-model';
import { TOPIC_BUCKETS, TOPIC_HASH_BITS } from './topic-features';

export const TOPIC_MODEL_FILE = 'topics.json';

/** How the model and the keyword rules combine (topic-classifier.ts); chosen by cross-validation. */
export interface TopicPolicy {
  /** A problem topic from the model stands, over the rules, at this probability or more. */
  problemConfidence: number;
  /** question / praise / other from the model stands, over a problem rule, at this probability or more. */
  otherConfidence: number;
  /** The model's "other" becomes praise for a positive mention. */
  praiseWhenPositive: boolean;
  /**
   * Below this share of words seen in training the model is never confident (it learnt from English
   * tweets; in other languages it reads mostly unknown words), so the keyword rules decide.
   */
  minKnownWords: number;
}

/** topics.json: classes, int16 weights (base64, bucket-major) with one scale per class, and how they were made. */
export interface TopicModelCard {
  name: string;
  format: 'int16-base64-bucket-major';
  hashBits: number;
  classes: string[];
  scales: number[];
  bias: number[];
  policy: TopicPolicy;
  weights: string;
  /** Bitset over buckets (base64): the word unigrams seen in training. */
  seenWords: string;
  training: Record<string, unknown>;
  eval?: Record<string, unknown>;
}

/** Multinomial logistic regression over TopicFeaturizer's hashed features. */
export class TopicModel {
  readonly k: number;

  constructor(
    readonly classes: readonly string[],
    /** Bucket-major: weights[bucket * k + class]. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly policy: TopicPolicy,
    /** 1 for the buckets of word unigrams seen in training. */
    readonly seen: Uint8Array = new Uint8Array(TOPIC_BUCKETS),
  ) {
    this.k = classes.length;
  }

  /** Share of the words (unigram features at positions uni[0..words)) seen in training; 1 without words. */
  knownWords(idx: Int32Array, uni: Int32Array, words: number): number {
    if (words === 0) return 1;
    let known = 0;
    for (let j = 0; j < words; j++) known += this.seen[idx[uni[j]]];
    return known / words;
  }

  static load(file = resolve(MODEL_DIR, TOPIC_MODEL_FILE)): TopicModel {
    const card = JSON.parse(readFileSync(file, 'utf8')) as TopicModelCard;
    if (card.hashBits !== TOPIC_HASH_BITS)
      throw new Error(`${file}: ${card.hashBits} hash bits, expected ${TOPIC_HASH_BITS}`);
    const k = card.classes.length;
    const buf = Buffer.from(card.weights, 'base64');
    const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
    if (q.length !== TOPIC_BUCKETS * k) throw new Error(`${file}: ${q.length} weights, expected ${TOPIC_BUCKETS * k}`);
    const w = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) w[i] = q[i] * card.scales[i % k];
    const bits = Buffer.from(card.seenWords, 'base64');
    const seen = new Uint8Array(TOPIC_BUCKETS);
    for (let b = 0; b < TOPIC_BUCKETS; b++) seen[b] = (bits[b >> 3] >> (b & 7)) & 1;
    return new TopicModel(card.classes, w, Float32Array.from(card.bias), card.policy, seen);
  }

  /** Quantised to int16 per class; JSON so that the card and the weights travel together. */
  serialise(meta: Pick<TopicModelCard, 'name' | 'training' | 'eval'>): TopicModelCard {
    const k = this.k;
    const scales = new Array<number>(k).fill(0);
    for (let i = 0; i < this.weights.length; i++) {
      scales[i % k] = Math.max(scales[i % k], Math.abs(this.weights[i]));
    }
    for (let c = 0; c < k; c++) scales[c] = scales[c] > 0 ? scales[c] / 32767 : 1;
    const q = new Int16Array(this.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weights[i] / scales[i % k]);
    const bits = Buffer.alloc(TOPIC_BUCKETS >> 3);
    for (let b = 0; b < TOPIC_BUCKETS; b++) if (this.seen[b]) bits[b >> 3] |= 1 << (b & 7);
    return {
      name: meta.name,
      format: 'int16-base64-bucket-major',
      hashBits: TOPIC_HASH_BITS,
      classes: [...this.classes],
      scales,
      bias: Array.from(this.bias, (b) => Math.round(b * 1e6) / 1e6),
      policy: this.policy,
      weights: Buffer.from(q.buffer).toString('base64'),
      seenWords: bits.toString('base64'),
      training: meta.training,
      eval: meta.eval,
    };
  }

  /** Writes the class probabilities into `probs` and returns the index of the most probable class. */
  predict(idx: Int32Array, val: Float32Array, n: number, probs: Float64Array): number {
    const k = this.k;
    const w = this.weights;
    for (let c = 0; c < k; c++) probs[c] = this.bias[c];
    for (let f = 0; f < n; f++) {
      const o = idx[f] * k;
      const v = val[f];
      for (let c = 0; c < k; c++) probs[c] += w[o + c] * v;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[c] > probs[best]) best = c;
    const m = probs[best];
    let sum = 0;
    for (let c = 0; c < k; c++) {
      probs[c] = Math.exp(probs[c] - m);
      sum += probs[c];
    }
    for (let c = 0; c < k; c++) probs[c] /= sum;
    return best;
  }
}
