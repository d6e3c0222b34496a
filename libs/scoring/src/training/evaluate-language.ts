import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectLanguage } from '../language';

/** UMSAB's languages with their ISO 639-1 codes; romanised Hindi is left out of the figure. */
export const UMSAB_LANGUAGES: Readonly<Record<string, string>> = {
  arabic: 'ar',
  english: 'en',
  french: 'fr',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  spanish: 'es',
};

/** The validation files evalLanguageId reads, relative to the labelled-data folder. */
export const LANGUAGE_EVAL_FILES = Object.keys(UMSAB_LANGUAGES).map((name) => `umsab/${name}-val_text.txt`);

export function missingLanguageFiles(labelledDir: string): string[] {
  return LANGUAGE_EVAL_FILES.filter((f) => !existsSync(resolve(labelledDir, f)));
}

const percent = (hits: number, n: number): number => Number(((100 * hits) / Math.max(n, 1)).toFixed(2));

/**
 * Accuracy of detectLanguage on the UMSAB validation tweets of seven languages (324 each): overall
 * and per language code, in percent with two decimals. Never reads a test split.
 */
export function evalLanguageId(labelledDir: string): {
  n: number;
  accuracy: number;
  perLanguage: Record<string, number>;
} {
  let n = 0;
  let hits = 0;
  const perLanguage: Record<string, number> = {};
  for (const [name, code] of Object.entries(UMSAB_LANGUAGES)) {
    const texts = readFileSync(resolve(labelledDir, `umsab/${name}-val_text.txt`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    let right = 0;
    for (const text of texts) if (detectLanguage(text) === code) right++;
    perLanguage[code] = percent(right, texts.length);
    n += texts.length;
    hits += right;
  }
  return { n, accuracy: percent(hits, n), perLanguage };
}
