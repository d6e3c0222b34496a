import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Language identification by two maintained detectors, after a cheap script pre-step:
 * - Google's Compact Language Detector 2 (`cld`, Apache-2.0, a native addon built at install),
 *   about 10 µs a tweet, decides whenever it calls its answer reliable;
 * - the Efficient Language Detector (`eld`, Apache-2.0, pure JavaScript), the most accurate on short
 *   tweets of every candidate measured but about six times slower, decides the rest (about one
 *   tweet in twelve: short ones, where CLD2 calls Spanish or Italian English).
 * On UMSAB's training tweets in seven languages: CLD2 alone 89-93%, ELD alone 97.5% at ~45 µs, the
 * two together ~96% at ~11 µs (measured with both on the same texts; the choice was made on the
 * training split, `training/evaluate-language.ts` measures the validation split). fastText's
 * lid.176, franc, tinyld, lande and CLD3 measured lower or slower.
 */

/** The languages the trained model covers; anything else is marked and scored neutral. */
export const COVERED_LANGUAGES: ReadonlySet<string> = new Set(['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi']);
export const UNDETERMINED = 'und';

/** How much of a text is looked at: language is clear long before, and time stays bounded. */
const MAX_CHARS = 1_000;

interface Cld2Result {
  reliable: boolean;
  languages: { code: string; percent: number; score: number }[];
}
interface Cld2Native {
  /** text, isPlainText, languageHint, encodingHint, tldHint, httpHint, bestEffort */
  detect(
    text: string,
    isPlainText: boolean,
    languageHint: string,
    encodingHint: string,
    tldHint: string,
    httpHint: string,
    bestEffort: boolean,
  ): Cld2Result;
}
// The package's index.js only offers an async detect() around this same addon; the addon's own
// detect() is synchronous, which scoring needs (it runs inline, tens of thousands a second).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cld2 = require('cld/build/Release/cld') as Cld2Native;

interface Eld {
  detect(text: string): { language: string };
}
/**
 * ELD ships only as ES modules, with no CommonJS export; Node 20.19+ require()s an ES module
 * synchronously, so the module is loaded by its file (the package's export map offers it to
 * `import` only). Scoring is synchronous, so an async import() will not do.
 */
function loadEld(): Eld {
  for (const dir of require.resolve.paths('eld') ?? []) {
    const file = join(dir, 'eld', 'src', 'entries', 'static.small.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (existsSync(file)) return (require(file) as { eld: Eld }).eld;
  }
  throw new Error('the eld package is not installed (npm install)');
}
const eld = loadEld();

/** CLD2's codes that are not ISO 639-1 primary subtags. */
const CLD2_CODES: Record<string, string> = { iw: 'he', jw: 'jv', 'zh-Hant': 'zh' };

/** BCP 47 primary subtag, lowercased; null for missing or "und". */
export function normaliseLang(lang: string | null | undefined): string | null {
  if (typeof lang !== 'string') return null;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary === '' || primary === UNDETERMINED ? null : primary;
}

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
/** "http" left alone where a data set replaced links by the bare word. */
const BARE_HTTP = /(^|\s)https?(?=\s|$)/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3/gu;

/** The text a detector should see: no links, @handles, hashtag signs or emoji. */
export function languageText(text: string): string {
  return text
    .slice(0, MAX_CHARS)
    .replace(URL, ' ')
    .replace(BARE_HTTP, '$1 ')
    .replace(HANDLE, '$1 ')
    .replace(/#/g, ' ')
    .replace(EMOJI, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Script =
  'latin' | 'arabic' | 'cyrillic' | 'greek' | 'hebrew' | 'devanagari' | 'thai' | 'hangul' | 'kana' | 'han' | 'other';

function scriptOf(c: number): Script | null {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'latin' : null;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff)) return 'arabic';
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'arabic';
  if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
  if (c >= 0x370 && c <= 0x3ff) return 'greek';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if (c >= 0x900 && c <= 0x97f) return 'devanagari';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return 'hangul';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 'han';
  return /\p{L}/u.test(String.fromCodePoint(c)) ? 'other' : null;
}

/** Scripts that, in social media, all but always mean one language. */
const SCRIPT_LANG: Partial<Record<Script, string>> = {
  greek: 'el',
  hebrew: 'he',
  devanagari: 'hi',
  thai: 'th',
  hangul: 'ko',
  kana: 'ja',
  han: 'zh',
};
/** Letters of Persian, Urdu, Pashto and Kurdish that Arabic does not use (ی ک پ چ ژ گ ٹ ڈ ڑ ں ے ھ …). */
const NON_ARABIC_LETTERS =
  /[\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d5\u0695\u06b5\u06ce]/u;

/** CLD2's answer when it calls it reliable, else ELD's; null when neither names a language. */
function detectorLanguage(text: string): string | null {
  const result = cld2.detect(text, true, '', '', '', '', false);
  const top = result.languages[0];
  if (result.reliable && top !== undefined) {
    const code = iso639_1(CLD2_CODES[top.code] ?? top.code.split('-')[0]);
    if (code !== null) return code;
  }
  const eldCode = iso639_1(eld.detect(text).language);
  if (eldCode !== null) return eldCode;
  return top === undefined ? null : iso639_1(CLD2_CODES[top.code] ?? top.code.split('-')[0]);
}

/** A two-letter language code, or null for "un", "xx", "zz…", "tlh", "" and the like. */
function iso639_1(code: string | undefined): string | null {
  return code !== undefined && /^[a-z]{2}$/.test(code) && code !== 'un' && code !== 'xx' && code !== 'zz' ? code : null;
}

/**
 * ISO 639-1 code of the text's language, "und" when it has no letters. @handles, links, hashtag
 * signs and emoji are dropped first and only the first 1,000 characters are read. Text mostly in a
 * script that one language owns (Hangul, kana, Han, Thai, Greek, Hebrew, Devanagari, and Arabic
 * script without Persian or Urdu letters) is decided by its script; the rest goes to CLD2, and to
 * ELD where CLD2 is unsure. Romanised Hindi is not recognised as Hindi (neither has a model for it:
 * mostly "en").
 */
export function detectLanguage(text: string): string {
  const clean = languageText(text);
  const counts: Partial<Record<Script, number>> = {};
  let best: Script | null = null;
  let bestCount = 0;
  for (const ch of clean) {
    const s = scriptOf(ch.codePointAt(0) as number);
    if (s === null) continue;
    const n = (counts[s] ?? 0) + 1;
    counts[s] = n;
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  if (best === null) return UNDETERMINED;
  // Japanese writes most of its words in Han characters, with kana between them.
  if (best === 'han' && (counts.kana ?? 0) > 0) return 'ja';
  const byScript = SCRIPT_LANG[best];
  if (byScript !== undefined) return byScript;
  if (best === 'arabic' && !NON_ARABIC_LETTERS.test(clean)) return 'ar';
  const detected = detectorLanguage(clean);
  if (detected !== null) return detected;
  if (best === 'arabic') return 'ar';
  if (best === 'cyrillic') return 'ru';
  return UNDETERMINED;
}
