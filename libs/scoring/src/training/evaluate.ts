import { Featurizer } from '../features';
import { COMPLAINT_OUTPUT, type LinearModel, sigmoid, softmax3 } from '../linear-model';
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

export function predictSentiment(model: LinearModel, texts: string[]): number[] {
  const featurizer = new Featurizer(model.featureOptions);
  const logits = new Float64Array(4);
  const probs = new Float64Array(3);
  return texts.map((t) => {
    model.logits(featurizer.extract(t), logits);
    softmax3(logits, probs);
    return probs[0] >= probs[1] && probs[0] >= probs[2] ? 0 : probs[1] >= probs[2] ? 1 : 2;
  });
}

export function predictComplaint(model: LinearModel, texts: string[]): number[] {
  const featurizer = new Featurizer(model.featureOptions);
  const logits = new Float64Array(4);
  return texts.map((t) => {
    model.logits(featurizer.extract(t), logits);
    return sigmoid(logits[COMPLAINT_OUTPUT]);
  });
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function evalSentiment(model: LinearModel, examples: Example[]): SentimentFigures {
  const gold = examples.map((e) => e.label);
  const pred = predictSentiment(
    model,
    examples.map((e) => e.text),
  );
  return {
    n: examples.length,
    macroRecall: round(macroRecall(gold, pred), 2),
    accuracy: round(accuracy(gold, pred), 2),
  };
}

export function evalComplaint(model: LinearModel, examples: Example[]): ComplaintFigures {
  const gold = examples.map((e) => e.label);
  const p = predictComplaint(
    model,
    examples.map((e) => e.text),
  );
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
