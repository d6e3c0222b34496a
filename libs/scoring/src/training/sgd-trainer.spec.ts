import { Featurizer } from '../features';
import { COMPLAINT_OUTPUT, LinearModel, sigmoid } from '../linear-model';
import { type Example } from './labelled-data';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions, trainComplaint, trainJoint } from './sgd-trainer';

const OPTIONS: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: 8, seed: 7 };

const examples = (rows: Array<[string, number]>): Example[] =>
  rows.map(([text, label], i) => ({ id: String(i), text, label }));

// Tone words the sentiment data knows; the complaint data below never uses "dreadful" or "splendid".
const SENTIMENT = examples([
  ...Array.from({ length: 20 }, (): [string, number] => ['dreadful awful dreadful', 0]),
  ...Array.from({ length: 20 }, (): [string, number] => ['bad awful', 0]),
  ...Array.from({ length: 20 }, (): [string, number] => ['the tuesday report', 1]),
  ...Array.from({ length: 20 }, (): [string, number] => ['splendid lovely splendid', 2]),
  ...Array.from({ length: 20 }, (): [string, number] => ['good lovely', 2]),
]);
const COMPLAINTS = examples([
  ...Array.from({ length: 15 }, (): [string, number] => ['bad', 1]),
  ...Array.from({ length: 15 }, (): [string, number] => ['good', 0]),
]);

function complaintProbability(model: LinearModel, text: string): number {
  const logits = new Float64Array(4);
  model.logits(new Featurizer(model.featureOptions).extract(text), logits);
  return sigmoid(logits[COMPLAINT_OUTPUT]);
}

describe('trainComplaint (the complaint head stacked on the sentiment head)', () => {
  const tone = trainJoint(SENTIMENT, [], OPTIONS);
  const model = trainComplaint(tone, COMPLAINTS, OPTIONS);

  it('learns that negative tone means complaint, and carries it to words no complaint example used', () => {
    expect(model.complaintStack[0]).toBeGreaterThan(model.complaintStack[2]);
    expect(complaintProbability(model, 'dreadful')).toBeGreaterThan(complaintProbability(model, 'splendid') + 0.2);
  });

  it('keeps the sentiment head it was stacked on, weight for weight, and adds a complaint head', () => {
    let changedSentiment = 0;
    let complaintWeights = 0;
    for (let i = 0; i < tone.weights.length; i++) {
      if (i % 4 === COMPLAINT_OUTPUT) complaintWeights += model.weights[i] !== 0 ? 1 : 0;
      else if (model.weights[i] !== tone.weights[i]) changedSentiment++;
    }
    expect(changedSentiment).toBe(0);
    expect(complaintWeights).toBeGreaterThan(10);
    expect(Array.from(model.bias.subarray(0, 3))).toEqual(Array.from(tone.bias.subarray(0, 3)));
  });

  it('survives serialisation with its stacking weights', () => {
    const { bytes, card } = model.serialise({
      name: 'test',
      featureOptions: model.featureOptions,
      complaintThreshold: 0.5,
      training: {},
    });
    expect(bytes.length).toBe(model.weights.length * 2);
    expect(card.complaintStack).toEqual(Array.from(model.complaintStack));
  });
});

describe('LinearModel.logits with a complaint stack', () => {
  it('adds the stack weighted by the softmax of the three sentiment logits', () => {
    const empty = LinearModel.empty(OPTIONS.featureOptions);
    const model = new LinearModel(
      empty.weights,
      Float32Array.from([1, 0, 0, -0.5]),
      OPTIONS.featureOptions,
      0.5,
      Float32Array.from([2, 0, -1]),
    );
    const logits = new Float64Array(4);
    model.logits({ idx: new Int32Array(0), val: new Float32Array(0), n: 0 }, logits);
    const e = Math.E;
    expect(logits[COMPLAINT_OUTPUT]).toBeCloseTo(-0.5 + (2 * e - 1) / (e + 2), 6);
  });
});

describe('trainJoint with averageOf', () => {
  it('is the mean of the models fitted with consecutive seeds', () => {
    const one = trainJoint(SENTIMENT, COMPLAINTS, OPTIONS);
    const next = trainJoint(SENTIMENT, COMPLAINTS, { ...OPTIONS, seed: OPTIONS.seed + 1 });
    const mean = trainJoint(SENTIMENT, COMPLAINTS, { ...OPTIONS, averageOf: 2 });
    let checked = 0;
    for (let i = 0; i < mean.weights.length; i++) {
      if (one.weights[i] === 0 && next.weights[i] === 0) continue;
      expect(mean.weights[i]).toBeCloseTo((one.weights[i] + next.weights[i]) / 2, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    expect(one.weights).not.toEqual(next.weights);
  });
});
