import { combine, fnv1a, fnvStep } from './hashing';
import {
  AFINN_PHRASES,
  AFINN_WORDS,
  EMOJI_POLARITY,
  EMOTICONS,
  FUNCTION_WORDS,
  INTENSIFIERS,
  NEGATORS,
} from './lexicon';

/** Feature space size: 2^18 hashed buckets. */
export const HASH_BITS = 20;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;

/** Long posts are featurised on their head: enough for tone and intent, and keeps time per mention bounded. */
export const MAX_FEATURE_CHARS = 2_000;
const MAX_CHARGRAM_WORD = 30;
const MAX_WORD_FEATURES = 4_096;
const MAX_CHAR_FEATURES = 16_384;
/** Dedupe's table: twice the most n-grams one group can hold, so probing stays short. */
const SEEN_BITS = 15;
const SEEN_SLOTS = 1 << SEEN_BITS;

const UNI_NS = fnv1a('uni');
const NEG_NS = fnv1a('NEG_');
const BI_NS = fnv1a('bi');
const CHAR_SEED = fnv1a('char');
const BOS = fnv1a('<s>');
export const USER_TOKEN_HASH = fnv1a('@USER');
export const URL_TOKEN_HASH = fnv1a('URL');
const NUM_TOKEN_HASH = fnv1a('NUM');
const FUNCTION_WORD_HASHES = new Set([...FUNCTION_WORDS].map((w) => fnv1a(w)));

/** Dense lexicon and style features, each in its own (hashed) bucket. */
const DENSE_NAMES = [
  'afinn_sum',
  'afinn_min',
  'afinn_max',
  'afinn_pos',
  'afinn_neg',
  'afinn_neg_pos',
  'afinn_neg_neg',
  'emoji_pos',
  'emoji_neg',
  'intensifiers',
  'caps_ratio',
  'exclaims',
  'questions',
  'ends_question',
  'elongated',
  'has_url',
  'users',
  'empty',
] as const;
type DenseName = (typeof DENSE_NAMES)[number];
const DENSE: Record<DenseName, number> = Object.fromEntries(
  DENSE_NAMES.map((name) => [name, fnv1a(`__dense:${name}`) & MASK]),
) as Record<DenseName, number>;
const AFINN_BIN_NS = fnv1a('__afinn_bin');
const EMOJI_NS = fnv1a('__emoji');
const LANG_NS = fnv1a('__lang');

/** Counts of letters per script, for language detection without a second pass. */
export const SCRIPTS = [
  'latin',
  'greek',
  'cyrillic',
  'hebrew',
  'arabic',
  'devanagari',
  'thai',
  'hangul',
  'kana',
  'han',
  'other',
] as const;
export type Script = (typeof SCRIPTS)[number];

function scriptOf(c: number): number {
  if (c < 0x250) return 0;
  if (c < 0x370) return 10;
  if (c < 0x400) return 1;
  if (c < 0x530) return 2;
  if (c >= 0x590 && c < 0x600) return 3;
  if ((c >= 0x600 && c < 0x780) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return 4;
  if (c >= 0x900 && c < 0x980) return 5;
  if (c >= 0xe00 && c < 0xe80) return 6;
  if ((c >= 0xac00 && c < 0xd7b0) || (c >= 0x1100 && c < 0x1200)) return 7;
  if (c >= 0x3040 && c < 0x3100) return 8;
  if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x3400 && c < 0x4dc0)) return 9;
  if (c >= 0x1e00 && c < 0x1f00) return 0;
  return 10;
}

/** Letters, digits, underscore and the letters of other scripts (not punctuation, symbols, surrogates). */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c < 0x2c00) return false; // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c < 0x3040) return false; // CJK punctuation
  if (c >= 0xd800 && c < 0xe000) return false; // surrogates: emoji and junk
  if (c >= 0xe000 && c < 0xf900) return false; // private use
  if (c >= 0xfe00 && c < 0xfe10) return false; // variation selectors
  if (c >= 0xff00 && c < 0xff10) return false;
  if (c === 0xfeff || c === 0xfffd || c === 0xfffe || c === 0xffff) return false;
  return true;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isSpace = (c: number) => c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
const isClause = (c: number) => c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63;

/** Emoticons sorted longest first, so ":-(" wins over ":-". */
const EMOTICON_LIST = [...EMOTICONS.keys()].sort((a, b) => b.length - a.length);
const EMOTICON_STARTS = new Set(EMOTICON_LIST.map((e) => e.charCodeAt(0)));

/**
 * A featurised mention. The arrays are owned by the featurizer and overwritten by its next call:
 * read them before featurising again.
 */
export interface Features {
  idx: Int32Array;
  val: Float32Array;
  n: number;
  /** Where the dense lexicon and style features start (after the word and character n-grams). */
  denseStart: number;
  /** Plain (un-negated) hashes of the word tokens, for stopword-based language detection. */
  wordHashes: Int32Array;
  words: number;
  /** Letters counted per script (indexes of SCRIPTS). */
  scripts: Int32Array;
  afinnSum: number;
  emojiSum: number;
}

export interface FeatureOptions {
  /** Scale of the word-n-gram group after L2 normalisation. */
  wordScale: number;
  /** Scale of the character-n-gram group after L2 normalisation. */
  charScale: number;
  /** Scale of the dense lexicon and style features. */
  denseScale: number;
  /**
   * Leave out the @handles a post opens with. They name the addressee (every airline tweet opens
   * with one), so their weights become a second, domain-specific bias.
   */
  skipLeadingMentions?: boolean;
  /**
   * Leave out the unigrams of English function words ("and", "of", "you"); their bigrams stay.
   * Alone they only say how long and chatty a post is, which in the airline data means "negative".
   */
  skipStopwordUnigrams?: boolean;
  /**
   * Leave out links (the URL token and has_url): whether a post carries one says more about its
   * source (platform, export, bots) than about its tone.
   */
  skipUrls?: boolean;
  /**
   * Count each n-gram once (presence, not frequency): a word repeated fifty times then weighs what
   * it weighs once, so repetition and length do not pile up evidence.
   */
  dedupe?: boolean;
  /**
   * Add one feature for the text's language, so each language learns its own base rate of
   * negative, neutral and positive posts (the tweets of eight languages share one model).
   */
  languageBias?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordScale: 1, charScale: 1, denseScale: 1 };

/**
 * Turns text into hashed sparse features: word unigrams and bigrams with negation scope (NEG_ marks
 * words after not/no/never/n't up to the next punctuation), character 3-5-grams inside word
 * boundaries, AFINN sums, emoji and emoticon polarity, intensifiers, capitals, ! and ?, elongation,
 * with @mentions and URLs normalised to @USER and URL (or left out: see FeatureOptions, the
 * domain-robustness switches). One instance reuses its buffers: not reentrant.
 */
export class Featurizer {
  private readonly wordIdx = new Int32Array(MAX_WORD_FEATURES);
  private readonly charIdx = new Int32Array(MAX_CHAR_FEATURES);
  private readonly out: Features = {
    idx: new Int32Array(MAX_WORD_FEATURES + MAX_CHAR_FEATURES + 64),
    val: new Float32Array(MAX_WORD_FEATURES + MAX_CHAR_FEATURES + 64),
    n: 0,
    denseStart: 0,
    wordHashes: new Int32Array(MAX_FEATURE_CHARS),
    words: 0,
    scripts: new Int32Array(SCRIPTS.length),
    afinnSum: 0,
    emojiSum: 0,
  };

  /**
   * Dedupe's set: an open-addressed table of buckets, each slot stamped with the set it belongs to,
   * so no clearing between calls. Small enough to stay in cache, unlike one flag per bucket.
   */
  private readonly seen: Uint32Array | undefined;
  private readonly seenKeys = new Int32Array(SEEN_SLOTS);
  private stamp = 0;

  constructor(private readonly options: FeatureOptions = DEFAULT_FEATURE_OPTIONS) {
    if (options.dedupe === true) this.seen = new Uint32Array(SEEN_SLOTS);
  }

  /** Features of `rawText`; `lang` (ISO 639-1) feeds the language feature when the model has one. */
  extract(rawText: string, lang = 'en'): Features {
    const text = rawText.length > MAX_FEATURE_CHARS ? rawText.slice(0, MAX_FEATURE_CHARS) : rawText;
    const out = this.out;
    const { wordIdx, charIdx } = this;
    const wordStamp = this.seen === undefined ? 0 : this.nextStamp();
    out.scripts.fill(0);
    let nw = 0;
    let nc = 0;
    let words = 0;
    let prev = BOS;
    let prevPlain = 0;
    let negating = false;
    let intensify = false;
    let afinnSum = 0;
    let afinnMin = 0;
    let afinnMax = 0;
    let afinnPos = 0;
    let afinnNeg = 0;
    let negPos = 0;
    let negNeg = 0;
    let emojiPos = 0;
    let emojiNeg = 0;
    let emojiSum = 0;
    let intensifiers = 0;
    let capsWords = 0;
    let exclaims = 0;
    let questions = 0;
    let lastSignificant = 0;
    let elongated = 0;
    let urls = 0;
    let users = 0;

    const addAfinn = (value: number) => {
      let v = value;
      if (negating) {
        v = -v * 0.75;
        if (value > 0) negPos++;
        else negNeg++;
      }
      if (intensify) v *= 1.5;
      afinnSum += v;
      if (v > 0) afinnPos++;
      else if (v < 0) afinnNeg++;
      if (v < afinnMin) afinnMin = v;
      if (v > afinnMax) afinnMax = v;
    };
    const { skipLeadingMentions, skipStopwordUnigrams, skipUrls } = this.options;
    let leading = true;
    const pushToken = (plain: number, negatable: boolean) => {
      if (nw + 2 > MAX_WORD_FEATURES) return;
      leading = false;
      const uni = combine(plain, negating && negatable ? NEG_NS : UNI_NS);
      if (!(skipStopwordUnigrams === true && FUNCTION_WORD_HASHES.has(plain))) wordIdx[nw++] = uni & MASK;
      wordIdx[nw++] = combine(combine(prev, uni), BI_NS) & MASK;
      prev = uni;
    };

    const len = text.length;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      // URLs and @mentions become placeholder tokens.
      if ((c === 104 || c === 119) && startsUrl(text, i)) {
        while (i < len && !isSpace(text.charCodeAt(i))) i++;
        if (skipUrls === true) continue;
        urls++;
        pushToken(URL_TOKEN_HASH, false);
        continue;
      }
      if (c === 64 && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
        i++;
        while (i < len && isWordCode(text.charCodeAt(i))) i++;
        if (leading && skipLeadingMentions === true) continue;
        users++;
        pushToken(USER_TOKEN_HASH, false);
        continue;
      }
      if (EMOTICON_STARTS.has(c | 32) || EMOTICON_STARTS.has(c)) {
        const emoticon = matchEmoticon(text, i);
        if (emoticon) {
          i += emoticon.length;
          const value = EMOTICONS.get(emoticon) ?? 0;
          if (value > 0) emojiPos++;
          else if (value < 0) emojiNeg++;
          emojiSum += value;
          pushToken(combine(fnv1a(emoticon), EMOJI_NS), false);
          continue;
        }
      }
      if (c === 35 && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
        i++; // a hashtag is read as its word
        continue;
      }
      if (isWordCode(c)) {
        const start = i;
        let upper = 0;
        let lower = 0;
        let digits = 0;
        let apostrophe = false;
        let repeat = 1;
        let maxRepeat = 1;
        let last = -1;
        while (i < len) {
          const d = text.charCodeAt(i);
          if (isWordCode(d)) {
            if (d >= 65 && d <= 90) upper++;
            else if (d >= 97 && d <= 122) lower++;
            else if (d >= 48 && d <= 57) digits++;
            else if (d >= 0xc0) {
              out.scripts[scriptOf(d)]++;
            }
            if (d === last) {
              repeat++;
              if (repeat > maxRepeat) maxRepeat = repeat;
            } else repeat = 1;
            last = d;
            i++;
          } else if (isApostrophe(d) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
            apostrophe = true;
            i++;
          } else break;
        }
        out.scripts[0] += upper + lower;
        let word = text.slice(start, i).toLowerCase();
        if (apostrophe) word = word.replace(/\u2019/g, "'");
        if (maxRepeat >= 3) {
          elongated++;
          word = word.replace(/(.)\1{2,}/g, '$1$1');
        }
        if (upper >= 2 && lower === 0) capsWords++;
        const allDigits = digits === i - start;
        const plain = allDigits ? NUM_TOKEN_HASH : fnv1a(word);
        if (words < out.wordHashes.length) out.wordHashes[words] = plain;
        words++;

        // With dedupe, a lexicon word counts once however often it is repeated.
        const repeated = wordStamp !== 0 && this.markSeen(plain & MASK, wordStamp);
        const afinn = repeated ? undefined : AFINN_WORDS.get(word);
        const phrase = prevPlain === 0 || repeated ? undefined : AFINN_PHRASES.get(combine(prevPlain, plain));
        if (phrase !== undefined) {
          // A phrase carries its own negation ("not good", "dont like"): score it as written.
          const scoped: boolean = negating;
          negating = false;
          addAfinn(phrase);
          negating = scoped;
        } else if (afinn !== undefined) addAfinn(afinn);
        const isNegator = NEGATORS.has(word) || word.endsWith("n't");
        const isIntensifier = INTENSIFIERS.has(word);
        if (isIntensifier && !repeated) intensifiers++;

        pushToken(plain, !isNegator);
        if (!allDigits) nc = charGrams(word, charIdx, nc);

        if (isNegator) negating = true;
        intensify = isIntensifier;
        prevPlain = plain;
        lastSignificant = 0;
        continue;
      }
      if (isClause(c)) {
        if (c === 33) exclaims++;
        if (c === 63) questions++;
        lastSignificant = c;
        negating = false;
        intensify = false;
        prevPlain = 0;
        i++;
        continue;
      }
      // Emoji and other symbols, one code point at a time.
      const cp = text.codePointAt(i) ?? c;
      i += cp > 0xffff ? 2 : 1;
      const value = EMOJI_POLARITY.get(cp);
      if (value !== undefined) {
        if (value > 0) emojiPos++;
        else if (value < 0) emojiNeg++;
        emojiSum += value;
      }
      if (cp >= 0x2190 && cp !== 0xfe0f && cp !== 0x200d && cp !== 0xfffd) {
        pushToken(combine(cp, EMOJI_NS), false);
        lastSignificant = 0;
      }
    }

    if (this.seen !== undefined) {
      nw = this.unique(wordIdx, nw);
      nc = this.unique(charIdx, nc);
    }
    // Assemble: word group and char group, each L2-normalised, then dense features.
    const { idx, val } = out;
    let n = 0;
    const ws = nw > 0 ? this.options.wordScale / Math.sqrt(nw) : 0;
    for (let k = 0; k < nw; k++) {
      idx[n] = wordIdx[k];
      val[n++] = ws;
    }
    const cs = nc > 0 ? this.options.charScale / Math.sqrt(nc) : 0;
    for (let k = 0; k < nc; k++) {
      idx[n] = charIdx[k];
      val[n++] = cs;
    }
    out.denseStart = n;
    const ds = this.options.denseScale;
    const dense = (name: DenseName, v: number) => {
      if (v !== 0) {
        idx[n] = DENSE[name];
        val[n++] = v * ds;
      }
    };
    dense('afinn_sum', Math.tanh(afinnSum / 4));
    dense('afinn_min', afinnMin / 5);
    dense('afinn_max', afinnMax / 5);
    dense('afinn_pos', Math.log1p(afinnPos));
    dense('afinn_neg', Math.log1p(afinnNeg));
    dense('afinn_neg_pos', Math.log1p(negPos));
    dense('afinn_neg_neg', Math.log1p(negNeg));
    dense('emoji_pos', Math.log1p(emojiPos));
    dense('emoji_neg', Math.log1p(emojiNeg));
    dense('intensifiers', Math.log1p(intensifiers));
    dense('caps_ratio', words > 0 ? capsWords / words : 0);
    dense('exclaims', Math.log1p(exclaims));
    dense('questions', Math.log1p(questions));
    dense('ends_question', lastSignificant === 63 ? 1 : 0);
    dense('elongated', Math.log1p(elongated));
    dense('has_url', urls > 0 ? 1 : 0);
    dense('users', Math.log1p(users));
    dense('empty', words === 0 && emojiPos + emojiNeg === 0 ? 1 : 0);
    const bin = Math.max(-6, Math.min(6, Math.round(afinnSum + emojiSum)));
    idx[n] = combine(bin + 16, AFINN_BIN_NS) & MASK;
    val[n++] = ds;
    if (this.options.languageBias === true) {
      idx[n] = combine(fnv1a(lang), LANG_NS) & MASK;
      val[n++] = ds;
    }

    out.n = n;
    out.words = Math.min(words, out.wordHashes.length);
    out.afinnSum = afinnSum;
    out.emojiSum = emojiSum;
    return out;
  }

  /** Keeps the first occurrence of each bucket in `list[0..n)`, in order; returns the new length. */
  private unique(list: Int32Array, n: number): number {
    const stamp = this.nextStamp();
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const b = list[k];
      if (!this.markSeen(b, stamp)) list[kept++] = b;
    }
    return kept;
  }

  /** A value no bucket of `seen` holds yet: marks a new set without clearing the array. */
  private nextStamp(): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) (this.seen as Uint32Array).fill(0);
    return this.stamp;
  }

  /** Whether `bucket` is already in the set `stamp`; adds it. */
  private markSeen(bucket: number, stamp: number): boolean {
    const seen = this.seen as Uint32Array;
    const keys = this.seenKeys;
    let slot = Math.imul(bucket, 0x9e3779b1) >>> (32 - SEEN_BITS);
    while (seen[slot] === stamp) {
      if (keys[slot] === bucket) return true;
      slot = (slot + 1) & (SEEN_SLOTS - 1);
    }
    seen[slot] = stamp;
    keys[slot] = bucket;
    return false;
  }
}

function startsUrl(text: string, i: number): boolean {
  return text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i);
}

function matchEmoticon(text: string, i: number): string | undefined {
  for (const e of EMOTICON_LIST) {
    let ok = true;
    for (let k = 0; k < e.length; k++) {
      const c = text.charCodeAt(i + k);
      const lower = c >= 65 && c <= 90 ? c | 32 : c;
      if (lower !== e.charCodeAt(k)) {
        ok = false;
        break;
      }
    }
    // Must stand alone: ":D" yes, ":Dear" no; "xd" only as a whole token.
    if (ok && !isWordCode(text.charCodeAt(i + e.length) || 32)) {
      if (isWordCode(e.charCodeAt(0)) && i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
      return e;
    }
  }
  return undefined;
}

/** Character 3-5-grams of "<word>", hashed incrementally: no substring allocation. */
function charGrams(word: string, into: Int32Array, start: number): number {
  let n = start;
  const len = Math.min(word.length, MAX_CHARGRAM_WORD);
  const padded = len + 2;
  for (let s = 0; s < padded - 2; s++) {
    if (n + 3 > into.length) return n;
    let h = CHAR_SEED;
    for (let k = 0; k < 5 && s + k < padded; k++) {
      const p = s + k;
      const code = p === 0 ? 60 : p === padded - 1 ? 62 : word.charCodeAt(p - 1);
      h = fnvStep(h, code);
      if (k >= 2) into[n++] = (h >>> 0) & MASK;
    }
  }
  return n;
}
