import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fnv1a } from '../hashing';

/** A labelled text. Sentiment labels: 0 negative, 1 neutral, 2 positive (TweetEval's mapping); complaint: 0/1. */
export interface Example {
  id: string;
  text: string;
  label: number;
  /** Airline only: the annotators' complaint reason for a negative tweet ("Late Flight", "Can't Tell", ...). */
  reason?: string;
  /**
   * Where the example comes from (support, general, umsab:<lang>, complaints): training weighs and
   * class-balances each domain on its own, since "neutral" means different things in each.
   */
  domain?: string;
  /** ISO 639-1 language of the text, when the data set says (UMSAB); English otherwise. */
  lang?: string;
}

export const AIRLINE_FILE = 'airline-train.csv';
export const COMPLAINTS_FILE = 'complaints-train.csv';
export const TWEETEVAL_TEXT_FILE = 'tweeteval-val_text.txt';
export const TWEETEVAL_LABELS_FILE = 'tweeteval-val_labels.txt';
export const SEMEVAL_TEXT_FILE = 'semeval-2013-2016/train_text.txt';
export const SEMEVAL_LABELS_FILE = 'semeval-2013-2016/train_labels.txt';
/** UMSAB's language names (file prefixes) and their ISO 639-1 codes. */
export const UMSAB_LANGUAGES = {
  arabic: 'ar',
  english: 'en',
  french: 'fr',
  german: 'de',
  hindi: 'hi',
  italian: 'it',
  portuguese: 'pt',
  spanish: 'es',
} as const;
export type UmsabLanguage = keyof typeof UMSAB_LANGUAGES;
export type UmsabSplit = 'train' | 'val';
const umsabFile = (language: UmsabLanguage, split: UmsabSplit, part: 'text' | 'labels') =>
  `umsab/${language}-${split}_${part}.txt`;
const UMSAB_FILES = (Object.keys(UMSAB_LANGUAGES) as UmsabLanguage[]).flatMap((language) =>
  (['train', 'val'] as const).flatMap((split) =>
    (['text', 'labels'] as const).map((part) => umsabFile(language, split, part)),
  ),
);
const FILES = [
  AIRLINE_FILE,
  COMPLAINTS_FILE,
  TWEETEVAL_TEXT_FILE,
  TWEETEVAL_LABELS_FILE,
  SEMEVAL_TEXT_FILE,
  SEMEVAL_LABELS_FILE,
  ...UMSAB_FILES,
];

/** Held-out shares, chosen by a hash of the id so train and eval agree without a stored list. */
export const AIRLINE_HELD_OUT_PERCENT = 15;
export const COMPLAINTS_HELD_OUT_PERCENT = 20;

export function isHeldOut(id: string, percent: number): boolean {
  return fnv1a(`held-out:${id}`) % 100 < percent;
}

/** Returns the files missing from `dir` (all of them when the folder is absent). */
export function missingFiles(dir: string): string[] {
  if (!existsSync(dir)) return FILES;
  return FILES.filter((f) => !existsSync(resolve(dir, f)));
}

export function dataHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    FILES.map((f) => [
      f,
      `sha256:${createHash('sha256')
        .update(readFileSync(resolve(dir, f)))
        .digest('hex')}`,
    ]),
  );
}

const SENTIMENTS: Record<string, number> = { negative: 0, neutral: 1, positive: 2 };

export function loadAirline(dir: string): Example[] {
  const [header, ...rows] = parseCsv(readFileSync(resolve(dir, AIRLINE_FILE), 'utf8'));
  const id = header.indexOf('tweet_id');
  const label = header.indexOf('airline_sentiment');
  const text = header.indexOf('text');
  const reason = header.indexOf('negativereason');
  return rows
    .filter((r) => r.length === header.length && r[label] in SENTIMENTS)
    .map((r) => ({
      id: r[id],
      text: r[text],
      label: SENTIMENTS[r[label]],
      reason: r[reason],
      domain: 'support',
      lang: 'en',
    }));
}

export function loadComplaints(dir: string): Example[] {
  const [header, ...rows] = parseCsv(readFileSync(resolve(dir, COMPLAINTS_FILE), 'utf8'));
  const id = header.indexOf('id');
  const label = header.indexOf('label');
  const text = header.indexOf('text');
  return rows
    .filter((r) => r.length === header.length && (r[label] === '0' || r[label] === '1'))
    .map((r) => ({ id: r[id], text: r[text], label: Number(r[label]), domain: 'complaints', lang: 'en' }));
}

export function loadTweetEval(dir: string): Example[] {
  return loadLines(dir, TWEETEVAL_TEXT_FILE, TWEETEVAL_LABELS_FILE, 'tweeteval', 'general', 'en');
}

/** General English tweets (SemEval 2013-2016, TweetEval's training sources; none of its validation tweets). */
export function loadSemEval(dir: string): Example[] {
  return loadLines(dir, SEMEVAL_TEXT_FILE, SEMEVAL_LABELS_FILE, 'semeval', 'general', 'en');
}

/** One language's UMSAB split; the domain is `umsab:<code>`. */
export function loadUmsab(dir: string, language: UmsabLanguage, split: UmsabSplit): Example[] {
  const lang = UMSAB_LANGUAGES[language];
  return loadLines(
    dir,
    umsabFile(language, split, 'text'),
    umsabFile(language, split, 'labels'),
    `umsab-${lang}-${split}`,
    `umsab:${lang}`,
    lang,
  );
}

/**
 * Line-aligned text and label files. Ids are the file's name and line number; texts keep what a
 * line holds (TweetEval and UMSAB have one tweet a line, newlines inside tweets already flattened).
 */
function loadLines(
  dir: string,
  textFile: string,
  labelFile: string,
  idPrefix: string,
  domain: string,
  lang: string,
): Example[] {
  const texts = readFileSync(resolve(dir, textFile), 'utf8').split('\n');
  const labels = readFileSync(resolve(dir, labelFile), 'utf8').split('\n');
  const out: Example[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i].trim() === '') continue;
    out.push({ id: `${idPrefix}:${i}`, text: texts[i] ?? '', label: Number(labels[i]), domain, lang });
  }
  return out;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * UMSAB's English tweets are left out of training: 1,430 of its 1,839 training tweets and all its
 * validation tweets are TweetEval validation tweets (the general-tweet check), and the rest may come
 * from TweetEval's test split. English is learnt from the support and SemEval sets instead.
 */
export const UMSAB_TRAINED_LANGUAGES = (Object.keys(UMSAB_LANGUAGES) as UmsabLanguage[]).filter(
  (language) => language !== 'english',
);

/** What training reads, and the held-out parts it never sees. */
export interface TrainingParts {
  /** Support (airline) tweets minus the held-out ids, SemEval tweets, UMSAB training tweets (not English). */
  sentiment: Example[];
  /** Complaint tweets minus the held-out ids. */
  complaints: Example[];
  airlineHeldOut: Example[];
  complaintsHeldOut: Example[];
}

export function loadTrainingParts(dir: string): TrainingParts {
  const airline = loadAirline(dir);
  const complaints = loadComplaints(dir);
  return {
    sentiment: [
      ...airline.filter((e) => !isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT)),
      ...loadSemEval(dir),
      ...UMSAB_TRAINED_LANGUAGES.flatMap((language) => loadUmsab(dir, language, 'train')),
    ],
    complaints: complaints.filter((e) => !isHeldOut(e.id, COMPLAINTS_HELD_OUT_PERCENT)),
    airlineHeldOut: airline.filter((e) => isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT)),
    complaintsHeldOut: complaints.filter((e) => isHeldOut(e.id, COMPLAINTS_HELD_OUT_PERCENT)),
  };
}
