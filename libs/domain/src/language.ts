/**
 * The language a mention is stored with (`MentionView.lang`): an ISO 639-1 code ("es"), or "und"
 * when it could not be told. Filters take the same codes.
 */
export const UNKNOWN_LANGUAGE = 'und';

/** Every ISO 639-1 code (two letters), the values a language filter accepts besides "und". */
// prettier-ignore
export const ISO_639_1_CODES = [
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo',
  'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo',
  'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi',
  'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka',
  'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln',
  'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng',
  'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn',
  'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su',
  'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur',
  'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu',
] as const;

/** What a `lang` filter may name: an ISO 639-1 code, or "und" for mentions whose language is unknown. */
export const LANGUAGE_FILTER_CODES: readonly string[] = [...ISO_639_1_CODES, UNKNOWN_LANGUAGE];

const FILTER_CODES = new Set(LANGUAGE_FILTER_CODES);

export function isLanguageFilterCode(value: unknown): value is string {
  return typeof value === 'string' && FILTER_CODES.has(value);
}

/** The most languages one filter may name. */
export const MAX_LANGUAGE_FILTER = 20;

/** A language seen in recent mentions, with how many: the options of the screens' language filters. */
export interface LanguageSeen {
  lang: string;
  mentions: number;
}
