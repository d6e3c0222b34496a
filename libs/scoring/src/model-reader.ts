import { type Features, Featurizer } from './features';
import { COMPLAINT_OUTPUT, type LinearModel, sigmoid, softmax3 } from './linear-model';
import { type TextWindow, textWindows } from './text-windows';

/** What the model says of one post: tone probabilities and complaint probability, over all its windows. */
export interface Reading {
  /** [negative, neutral, positive], the length-weighted mean over the windows. */
  readonly probs: Float64Array;
  /** Complaint probability, the length-weighted mean over the windows. */
  complaint: number;
  /** Windows read (1 for anything tweet-sized). */
  windows: number;
  /** With more than one window: the one most negative and most like a complaint, for the reasons. */
  driver: TextWindow | undefined;
  /** The features of the last window read (language detection and tests read them). */
  features: Features | undefined;
}

/**
 * Applies the linear model to a post window by window (text-windows.ts) and averages: eight neutral
 * tweets joined are read as eight neutral tweets, not as one long post whose n-grams add up. One
 * instance reuses its buffers: not reentrant.
 */
export class ModelReader {
  private readonly featurizer: Featurizer;
  private readonly logits = new Float64Array(4);
  private readonly windowProbs = new Float64Array(3);
  private readonly reading: Reading = {
    probs: new Float64Array(3),
    complaint: 0,
    windows: 0,
    driver: undefined,
    features: undefined,
  };

  constructor(private readonly model: LinearModel) {
    this.featurizer = new Featurizer(model.featureOptions);
  }

  /** Reads `text` in language `lang` (ISO 639-1). The result is overwritten by the next call. */
  read(text: string, lang: string): Reading {
    const out = this.reading;
    const windows = textWindows(text);
    out.probs.fill(0);
    out.complaint = 0;
    out.windows = windows.length;
    out.driver = undefined;
    let total = 0;
    let driverScore = -Infinity;
    for (const w of windows) {
      const slice = windows.length === 1 && w.start === 0 && w.end === text.length ? text : text.slice(w.start, w.end);
      out.features = this.featurizer.extract(slice, lang);
      this.model.logits(out.features, this.logits);
      softmax3(this.logits, this.windowProbs);
      const complaint = sigmoid(this.logits[COMPLAINT_OUTPUT]);
      const weight = Math.max(1, w.end - w.start);
      total += weight;
      for (let k = 0; k < 3; k++) out.probs[k] += this.windowProbs[k] * weight;
      out.complaint += complaint * weight;
      const score = complaint + this.windowProbs[0];
      if (windows.length > 1 && score > driverScore) {
        driverScore = score;
        out.driver = w;
      }
    }
    for (let k = 0; k < 3; k++) out.probs[k] /= total;
    out.complaint /= total;
    return out;
  }
}

/** 0 negative, 1 neutral, 2 positive: the most probable, negative winning ties, then neutral. */
export function sentimentClass(probs: ArrayLike<number>): 0 | 1 | 2 {
  return probs[0] >= probs[1] && probs[0] >= probs[2] ? 0 : probs[1] >= probs[2] ? 1 : 2;
}
