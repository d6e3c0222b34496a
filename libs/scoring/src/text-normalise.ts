/**
 * Marks that people type or leave out at will, removed before phrases are matched: Latin accents
 * (the Combining Diacritical Marks block, so "cayó", "cayo" and "cayo\u0301" all read "cayo"),
 * Arabic short vowels, hamza above/below and superscript alef (so "أ", "إ", "آ" read "ا"), the
 * tatweel (kashida) and the Devanagari nukta (so "ज़" reads "ज"). Devanagari vowel signs, Japanese
 * dakuten and other marks that carry meaning are kept.
 */
const OPTIONAL_MARKS = /[\u0300-\u036f]|[\u064b-\u065f]|\u0670|\u0640|\u093c/g;
const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02bc\u2032\uff07]/g;
const ASCII_ONLY = /^\p{ASCII}*$/u;

/**
 * The text as intent phrases are matched against: compatibility-decomposed (NFKD: full-width
 * letters, ligatures and Arabic presentation forms become plain letters), without the optional
 * marks above, with typographic apostrophes as "'". Case is kept: rules match case-insensitively.
 * ASCII text is returned as it is (it has nothing to fold), so the common case costs one test.
 */
export function foldForMatching(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize('NFKD').replace(OPTIONAL_MARKS, '').replace(TYPOGRAPHIC_APOSTROPHES, "'");
}
