import { type Features, SCRIPTS } from './features';
import { fnv1a } from './hashing';

/** The languages the trained model covers; anything else is marked and scored neutral. */
export const COVERED_LANGUAGES: ReadonlySet<string> = new Set(['en']);
export const UNDETERMINED = 'und';

const STOPWORDS: Record<string, string> = {
  en: "the is and to my it you i a of in for this that on with not your me have was are be just so but what why can do get when how again still it's i'm don't they we our",
  es: 'el la los las de que y en un una es por para con mi muy pero lo se del al está esta ya le su tengo hay más como',
  fr: "le la les de des et est un une je pas pour que qui dans en du mon ma avec ce il sur vous c'est j'ai ne au sont",
  de: 'der die das und ist nicht ich ein eine mit zu den von mein es auf für sie wir auch aber kein dem im hat noch',
  pt: 'o a os as de que e em um uma não meu minha para com por é do da está mas isso você no na muito',
  it: 'il la di che e è un una non per con mi del della sono ma ho lo gli le questo',
  nl: 'de het een en is niet van ik mijn met op te dat maar voor je zijn wat al nog',
};
const LANGS = Object.keys(STOPWORDS);
/** Stopword hash → bitmask of the languages it belongs to. */
const STOPWORD_LANGS = new Map<number, number>();
LANGS.forEach((lang, bit) => {
  for (const word of STOPWORDS[lang].split(' ')) {
    const h = fnv1a(word) | 0;
    STOPWORD_LANGS.set(h, (STOPWORD_LANGS.get(h) ?? 0) | (1 << bit));
  }
});

const SCRIPT_LANG: Partial<Record<(typeof SCRIPTS)[number], string>> = {
  greek: 'el',
  cyrillic: 'ru',
  hebrew: 'he',
  arabic: 'ar',
  devanagari: 'hi',
  thai: 'th',
  hangul: 'ko',
  kana: 'ja',
  han: 'zh',
};

/** BCP 47 primary subtag, lowercased; null for missing or "und". */
export function normaliseLang(lang: string | null | undefined): string | null {
  if (typeof lang !== 'string') return null;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary === '' || primary === UNDETERMINED ? null : primary;
}

/**
 * A light detector from what the featurizer already counted: the dominant script, then for Latin
 * text the stopwords of seven languages (English wins ties and stopword-free text). Returns "und"
 * when the text has no letters. Mixed-language text gets its majority language.
 */
export function detectLanguage(f: Features): string {
  const scripts = f.scripts;
  let total = 0;
  let best = 0;
  for (let s = 0; s < scripts.length; s++) {
    total += scripts[s];
    if (scripts[s] > scripts[best]) best = s;
  }
  if (total === 0) return UNDETERMINED;
  const script = SCRIPTS[best];
  if (script !== 'latin') {
    // Japanese mixes kana into Han text.
    if (script === 'han' && scripts[SCRIPTS.indexOf('kana')] > 0) return 'ja';
    return SCRIPT_LANG[script] ?? UNDETERMINED;
  }
  const counts = new Array<number>(LANGS.length).fill(0);
  for (let i = 0; i < f.words; i++) {
    const mask = STOPWORD_LANGS.get(f.wordHashes[i]);
    if (mask === undefined) continue;
    for (let bit = 0; bit < LANGS.length; bit++) if (mask & (1 << bit)) counts[bit]++;
  }
  let winner = 0;
  for (let bit = 1; bit < LANGS.length; bit++) if (counts[bit] > counts[winner]) winner = bit;
  // Short texts share stopwords ("no", "a"): call it non-English only on clear evidence.
  if (winner !== 0 && counts[winner] >= 2 && counts[winner] >= counts[0] + 2) return LANGS[winner];
  return 'en';
}
