import { combine, fnv1a, fnvStep, FNV_OFFSET } from '../hashing';

/** 2^14 hashed buckets: ample for a few hundred labelled tweets, and 11 × 16k int16 weights stay small. */
export const TOPIC_HASH_BITS = 14;
export const TOPIC_BUCKETS = 1 << TOPIC_HASH_BITS;
const MASK = TOPIC_BUCKETS - 1;
/** Long posts are read on their head, which keeps a classification in microseconds. */
export const MAX_TOPIC_CHARS = 2_000;
const MAX_FEATURES = 1_024;
const STEM = 5;

const UNI = fnv1a('t:uni');
const BI = fnv1a('t:bi');
const PREFIX = fnv1a('t:stem');
const BOS = fnv1a('t:<s>');
const NUM = fnv1a('t:NUM');
const QUESTION = fnv1a('t:?') & MASK;
const ENDS_QUESTION = fnv1a('t:?$') & MASK;
const EXCLAIM = fnv1a('t:!') & MASK;

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c < 0x2c00) return false;
  if (c >= 0x3000 && c < 0x3040) return false;
  if (c >= 0xd800 && c < 0xf900) return false;
  if (c >= 0xfe00 && c < 0xfe10) return false;
  return c < 0xfff0;
}

/**
 * Hashed features for the topic model: word unigrams and bigrams, five-letter stems of longer words
 * (so "crashes" and "crashing" share), question and exclamation marks. @handles
 * and links are skipped; the features are scaled to unit length. Tone is left out on purpose: the
 * scorer's sentiment model is retrained on its own schedule, and the topic weights must not depend on it.
 * The arrays are reused: read them before the next call.
 */
export class TopicFeaturizer {
  readonly idx = new Int32Array(MAX_FEATURES);
  readonly val = new Float32Array(MAX_FEATURES);
  n = 0;
  /** Where the word unigrams are in `idx`: positions 0..words-1 of `uni`. */
  readonly uni = new Int32Array(MAX_FEATURES);
  words = 0;

  /** `lowered`: the text is already lower-cased and cut to MAX_TOPIC_CHARS. */
  extract(raw: string, lowered = false): void {
    const text = lowered ? raw : (raw.length > MAX_TOPIC_CHARS ? raw.slice(0, MAX_TOPIC_CHARS) : raw).toLowerCase();
    const idx = this.idx;
    let n = 0;
    let prev = BOS;
    let i = 0;
    const len = text.length;
    let words = 0;
    let questions = 0;
    let lastMark = 0;
    while (i < len && n < MAX_FEATURES - 8) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        if (c === 63 || c === 0x61f) {
          questions++;
          lastMark = 63;
        } else if (c === 33) {
          lastMark = 33;
        } else if (c > 32) {
          lastMark = 0;
        }
        if (c === 64 /* @handle */) {
          i++;
          while (i < len && isWordCode(text.charCodeAt(i))) i++;
          continue;
        }
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      let digits = true;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === 39 || d === 0x2019) {
          i++; // "can't" reads as "cant"
          continue;
        }
        if (!isWordCode(d)) break;
        if (d < 48 || d > 57) digits = false;
        h = fnvStep(h, d);
        i++;
      }
      lastMark = 0;
      if (h === URL_HTTP || h === URL_HTTPS || h === URL_WWW) {
        while (i < len && text.charCodeAt(i) > 32) i++;
        continue;
      }
      const w = digits ? NUM : h >>> 0;
      if (!digits) this.uni[words++] = n;
      idx[n++] = combine(UNI, w) & MASK;
      idx[n++] = combine(combine(BI, prev), w) & MASK;
      prev = w;
      // A stem: the first five letters of longer words, so "crashes" and "crashing" share "crash".
      if (!digits && i - start > STEM) {
        let p = PREFIX;
        for (let j = start, m = 0; m < STEM && j < i; j++) {
          const d = text.charCodeAt(j);
          if (d === 39 || d === 0x2019) continue;
          p = fnvStep(p, d);
          m++;
        }
        idx[n++] = (p >>> 0) & MASK;
      }
    }
    if (questions > 0) idx[n++] = QUESTION;
    if (lastMark === 63) idx[n++] = ENDS_QUESTION;
    if (lastMark === 33) idx[n++] = EXCLAIM;
    const scale = n > 0 ? 1 / Math.sqrt(n) : 0;
    const val = this.val;
    for (let k = 0; k < n; k++) val[k] = scale;
    this.n = n;
    this.words = words;
  }
}

const URL_HTTP = hashWord('http');
const URL_HTTPS = hashWord('https');
const URL_WWW = hashWord('www');

function hashWord(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = fnvStep(h, w.charCodeAt(i));
  return h;
}
