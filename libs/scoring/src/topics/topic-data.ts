import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RawMention, SentimentLabel } from '@lp/domain';
import { fnv1a } from '../hashing';
import { LexiconScorer } from '../lexicon-scorer';
import { parseCsv } from '../training/labelled-data';
import { TOPICS } from './keyword-rules';

/** The committed labels: references into ../shared/data/labelled and a topic, no tweet text. */
export const TOPIC_LABELS_FILE = resolve(__dirname, '../../topics/labels.tsv');
export const TOPIC_COMPLAINTS_FILE = 'complaints-train.csv';
export const TOPIC_SEMEVAL_FILE = 'semeval-2013-2016/train_text.txt';

export interface TopicLabel {
  source: 'complaints' | 'semeval';
  /** Complaint id, or the 1-based SemEval line number. */
  key: string;
  topic: string;
}

export interface TopicExample extends TopicLabel {
  text: string;
}

/** The held-out third: by a hash of source and key, so every script and test agrees without a list. */
export function isTopicHeldOut(source: string, key: string): boolean {
  return fnv1a(`topics-held-out:${source}:${key}`) % 3 === 0;
}

export function missingTopicFiles(dir: string): string[] {
  return [TOPIC_COMPLAINTS_FILE, TOPIC_SEMEVAL_FILE].filter((f) => !existsSync(resolve(dir, f)));
}

export function loadTopicLabels(file = TOPIC_LABELS_FILE): TopicLabel[] {
  const known = new Set<string>(TOPICS);
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
  if (header.trim() !== 'source\tkey\ttopic') throw new Error(`${file}: unexpected header ${header}`);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const [source, key, topic] = l.split('\t').map((s) => s.trim());
      if ((source !== 'complaints' && source !== 'semeval') || !key || !known.has(topic)) {
        throw new Error(`${file}:${i + 2}: bad row ${JSON.stringify(l)}`);
      }
      return { source, key, topic };
    });
}

/** Joins the labels with their texts in `dir` (../shared/data/labelled). */
export function loadTopicExamples(dir: string, labels = loadTopicLabels()): TopicExample[] {
  const [header, ...rows] = parseCsv(readFileSync(resolve(dir, TOPIC_COMPLAINTS_FILE), 'utf8'));
  const id = header.indexOf('id');
  const text = header.indexOf('text');
  const complaints = new Map(rows.filter((r) => r.length === header.length).map((r) => [r[id], r[text]]));
  const semeval = readFileSync(resolve(dir, TOPIC_SEMEVAL_FILE), 'utf8').split('\n');
  return labels.map((l) => {
    const t = l.source === 'complaints' ? complaints.get(l.key) : semeval[Number(l.key) - 1];
    if (t === undefined || t === '') throw new Error(`no text for ${l.source} ${l.key}`);
    return { ...l, text: t };
  });
}

const lexicon = new LexiconScorer();
const NO_AUTHOR = { handle: '', name: '', followers: 0, verified: false } as unknown as RawMention['author'];

/**
 * The tone used while training and evaluating topics: the AFINN lexicon scorer's, which has no
 * weights, so the topic figures do not move when the trained sentiment model is retrained. In
 * production the classifier gets the trained scorer's sentiment; tone only gates praise.
 */
export function lexiconSentiment(text: string): SentimentLabel {
  return lexicon.score({ text, author: NO_AUTHOR, platformLang: 'en' }).sentiment;
}

export interface TopicScores {
  perTopic: Record<string, { support: number; precision: number; recall: number; f1: number }>;
  macro: { precision: number; recall: number; f1: number };
  accuracy: number;
}

/** Per-topic precision, recall and F1 and their unweighted means over the topics present in `gold`. */
export function topicScores(gold: readonly string[], pred: readonly string[]): TopicScores {
  const topics = TOPICS.filter((t) => gold.includes(t));
  const perTopic: TopicScores['perTopic'] = {};
  let correct = 0;
  gold.forEach((g, i) => {
    if (g === pred[i]) correct++;
  });
  for (const t of topics) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      if (pred[i] === t && g === t) tp++;
      else if (pred[i] === t) fp++;
      else if (g === t) fn++;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perTopic[t] = { support: tp + fn, precision, recall, f1 };
  }
  const mean = (k: 'precision' | 'recall' | 'f1') =>
    topics.reduce((s, t) => s + perTopic[t][k], 0) / Math.max(1, topics.length);
  return {
    perTopic,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
  };
}
