import { type LinearModel } from '../linear-model';
import { ModelReader, sentimentClass } from '../model-reader';
import { type Example } from './labelled-data';
import { accuracy, f1, macroF1, macroRecall, rocAuc } from './metrics';

export interface SentimentFigures {
  n: number;
  macroRecall: number;
  accuracy: number;
}

export interface ComplaintFigures {
  n: number;
  /** F1 of the complaint class alone. */
  f1: number;
  /** Mean F1 of both classes: the published complaint benchmark's F1 (see metrics.macroF1). */
  macroF1: number;
  rocAuc: number;
  threshold: number;
}

/** A text to predict, with its language when the data set says (English otherwise). */
export type Readable = string | Pick<Example, 'text' | 'lang'>;
const textOf = (r: Readable) => (typeof r === 'string' ? r : r.text);
const langOf = (r: Readable) => (typeof r === 'string' ? 'en' : (r.lang ?? 'en'));

/** Sentiment classes (0 negative, 1 neutral, 2 positive) as the product reads them (windowed). */
export function predictSentiment(model: LinearModel, texts: readonly Readable[]): number[] {
  const reader = new ModelReader(model);
  return texts.map((t) => sentimentClass(reader.read(textOf(t), langOf(t)).probs));
}

/** Complaint probabilities as the product reads them (windowed). */
export function predictComplaint(model: LinearModel, texts: readonly Readable[]): number[] {
  const reader = new ModelReader(model);
  return texts.map((t) => reader.read(textOf(t), langOf(t)).complaint);
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function evalSentiment(model: LinearModel, examples: Example[]): SentimentFigures {
  const gold = examples.map((e) => e.label);
  const pred = predictSentiment(model, examples);
  return {
    n: examples.length,
    macroRecall: round(macroRecall(gold, pred), 2),
    accuracy: round(accuracy(gold, pred), 2),
  };
}

export function evalComplaint(model: LinearModel, examples: Example[]): ComplaintFigures {
  const gold = examples.map((e) => e.label);
  const p = predictComplaint(model, examples);
  return complaintFigures(gold, p, model.complaintThreshold);
}

export function complaintFigures(gold: number[], probs: number[], threshold: number): ComplaintFigures {
  const pred = probs.map((x) => (x >= threshold ? 1 : 0));
  return {
    n: gold.length,
    f1: round(f1(gold, pred), 4),
    macroF1: round(macroF1(gold, pred), 4),
    rocAuc: round(rocAuc(gold, probs), 4),
    threshold,
  };
}
