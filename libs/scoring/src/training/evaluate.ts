import { Featurizer } from '../features';
import { COMPLAINT_OUTPUT, type LinearModel, sigmoid, softmax3 } from '../linear-model';
import { type Example } from './labelled-data';
import { accuracy, f1, macroRecall, rocAuc } from './metrics';

export interface SentimentFigures {
  n: number;
  macroRecall: number;
  accuracy: number;
}

export interface ComplaintFigures {
  n: number;
  f1: number;
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
  const t = model.complaintThreshold;
  return {
    n: examples.length,
    f1: round(
      f1(
        gold,
        p.map((x) => (x >= t ? 1 : 0)),
      ),
      4,
    ),
    rocAuc: round(rocAuc(gold, p), 4),
    threshold: t,
  };
}
