import { readFileSync } from 'node:fs';
import { combine, fnv1a } from './hashing';

function readJson(request: string): Record<string, number> {
  return JSON.parse(readFileSync(require.resolve(request), 'utf8')) as Record<string, number>;
}

/** AFINN-165 (from the `sentiment` package): single words by string, two-word phrases by combined word hash. */
export const AFINN_WORDS = new Map<string, number>();
export const AFINN_PHRASES = new Map<number, number>();
for (const [entry, value] of Object.entries(readJson('sentiment/languages/en/labels.json'))) {
  const parts = entry.split(' ');
  if (parts.length === 1) AFINN_WORDS.set(entry, value);
  else if (parts.length === 2) AFINN_PHRASES.set(combine(fnv1a(parts[0]), fnv1a(parts[1])), value);
}

/** Emoji polarity from the Emoji Sentiment Ranking, as shipped by `sentiment` (-3..3), keyed by code point. */
export const EMOJI_POLARITY = new Map<number, number>();
for (const [emoji, value] of Object.entries(readJson('sentiment/build/emoji.json'))) {
  const cp = emoji.codePointAt(0);
  // Only single-code-point entries: the tokenizer sees emoji one code point at a time.
  if (cp !== undefined && String.fromCodePoint(cp) === emoji) EMOJI_POLARITY.set(cp, value);
}
// Frustration emoji that the ranking scores mildly or misses, but that support teams read as negative.
for (const [emoji, value] of [
  ['😡', -3],
  ['🤬', -3],
  ['😤', -2],
  ['😠', -3],
  ['🙄', -2],
  ['👎', -2],
  ['💩', -2],
  ['😞', -2],
  ['😒', -2],
] as const) {
  EMOJI_POLARITY.set(emoji.codePointAt(0) ?? 0, value);
}

/** Text emoticons, matched as whole tokens. */
export const EMOTICONS = new Map<string, number>([
  [':)', 2],
  [':-)', 2],
  [':]', 2],
  ['=)', 2],
  [':d', 3],
  [':-d', 3],
  ['xd', 2],
  [';)', 2],
  [';-)', 2],
  [':p', 1],
  [':-p', 1],
  ['<3', 3],
  [':(', -2],
  [':-(', -2],
  [':[', -2],
  ['=(', -2],
  [":'(", -3],
  [':/', -1],
  [':-/', -1],
  ['>:(', -3],
  [':|', -1],
  ['</3', -3],
]);

/** Words that end a negation scope only at punctuation; "n't" endings are detected separately. */
export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nobody',
  'nothing',
  'none',
  'neither',
  'nor',
  'nowhere',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'wont',
  'aint',
  'without',
]);

export const INTENSIFIERS = new Set([
  'very',
  'really',
  'so',
  'extremely',
  'totally',
  'absolutely',
  'completely',
  'super',
  'incredibly',
  'too',
  'most',
  'highly',
  'utterly',
  'fucking',
  'freaking',
  'seriously',
  'literally',
  'ridiculously',
  'beyond',
  'such',
]);

/**
 * English function words: frequent everywhere and sentiment-free on their own (negators, intensifiers
 * and complaint words such as "why", "still" and "again" are deliberately not here).
 */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or of to in on at for with from by as into about up out over off ' +
    "is are was were be been being am it its it's this that these those there here " +
    "i i'm im me my mine you your yours you're u we our us they them their he she him his her " +
    'what which who whom when where how do does did have has had will would shall should can could ' +
    'may might must just then than also if all any some more get got go going'
  ).split(' '),
);
