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
}

export const AIRLINE_FILE = 'airline-train.csv';
export const COMPLAINTS_FILE = 'complaints-train.csv';
export const TWEETEVAL_TEXT_FILE = 'tweeteval-val_text.txt';
export const TWEETEVAL_LABELS_FILE = 'tweeteval-val_labels.txt';
const FILES = [AIRLINE_FILE, COMPLAINTS_FILE, TWEETEVAL_TEXT_FILE, TWEETEVAL_LABELS_FILE];

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
    .map((r) => ({ id: r[id], text: r[text], label: SENTIMENTS[r[label]], reason: r[reason] }));
}

export function loadComplaints(dir: string): Example[] {
  const [header, ...rows] = parseCsv(readFileSync(resolve(dir, COMPLAINTS_FILE), 'utf8'));
  const id = header.indexOf('id');
  const label = header.indexOf('label');
  const text = header.indexOf('text');
  return rows
    .filter((r) => r.length === header.length && (r[label] === '0' || r[label] === '1'))
    .map((r) => ({ id: r[id], text: r[text], label: Number(r[label]) }));
}

export function loadTweetEval(dir: string): Example[] {
  const texts = readFileSync(resolve(dir, TWEETEVAL_TEXT_FILE), 'utf8').split('\n');
  const labels = readFileSync(resolve(dir, TWEETEVAL_LABELS_FILE), 'utf8').split('\n');
  const out: Example[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i].trim() === '') continue;
    out.push({ id: `tweeteval:${i}`, text: texts[i] ?? '', label: Number(labels[i]) });
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
