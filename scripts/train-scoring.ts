import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { CARD_FILE, LinearModel, MODEL_DIR, WEIGHTS_FILE } from '../libs/scoring/src/linear-model';
import { evalComplaint, evalSentiment } from '../libs/scoring/src/training/evaluate';
import {
  AIRLINE_HELD_OUT_PERCENT,
  COMPLAINTS_HELD_OUT_PERCENT,
  dataHashes,
  isHeldOut,
  loadAirline,
  loadComplaints,
  loadTweetEval,
  missingFiles,
} from '../libs/scoring/src/training/labelled-data';
import {
  chooseComplaintThreshold,
  chooseNgramDropout,
  INNER_FOLDS,
  TOLERANCE_POINTS,
} from '../libs/scoring/src/training/model-selection';
import { DEFAULT_TRAIN_OPTIONS, trainComplaint, trainJoint } from '../libs/scoring/src/training/sgd-trainer';

/**
 * `npm run train:scoring`: trains the sentiment and complaint model on ../shared/data/labelled
 * (airline sentiment and complaint tweets minus their held-out ids; no TweetEval data) and writes
 * libs/scoring/model/{weights.bin,model-card.json}. The n-gram dropout and the complaint threshold
 * are chosen inside the training parts (model-selection.ts). Deterministic: same data, same bytes.
 */
export const LABELLED_DIR = resolve(__dirname, '../../shared/data/labelled');

/** Stops with a clear message when ../shared/data/labelled (not part of a user's clone) is missing. */
export function requireLabelledData(): void {
  const missing = missingFiles(LABELLED_DIR);
  if (missing.length === 0) return;
  console.error(`../shared/data/labelled not found or incomplete at ${LABELLED_DIR}: missing ${missing.join(', ')}`);
  process.exit(1);
}

async function main(): Promise<void> {
  requireLabelledData();
  const airline = loadAirline(LABELLED_DIR);
  const complaints = loadComplaints(LABELLED_DIR);
  const airTrain = airline.filter((e) => !isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT));
  const airTest = airline.filter((e) => isHeldOut(e.id, AIRLINE_HELD_OUT_PERCENT));
  const compTrain = complaints.filter((e) => !isHeldOut(e.id, COMPLAINTS_HELD_OUT_PERCENT));
  const compTest = complaints.filter((e) => isHeldOut(e.id, COMPLAINTS_HELD_OUT_PERCENT));

  const started = Date.now();
  const selection = chooseNgramDropout(airTrain, compTrain, TRAIN_OPTIONS, NGRAM_DROPOUT_RATES);
  const options = selection.options;
  // Stage one, the multi-task model; stage two, its complaint head stacked on its sentiment head.
  const joint = trainJoint(airTrain, compTrain, options);
  const complaintThreshold = chooseComplaintThreshold(joint, compTrain, options);
  const trained = trainComplaint(joint, compTrain, options);
  const model = new LinearModel(
    trained.weights,
    trained.bias,
    trained.featureOptions,
    complaintThreshold,
    trained.complaintStack,
  );
  const seconds = (Date.now() - started) / 1000;

  const heldOut = {
    airline: evalSentiment(model, airTest),
    tweetevalVal: evalSentiment(model, loadTweetEval(LABELLED_DIR)),
    complaints: evalComplaint(model, compTest),
  };
  const { bytes, card } = model.serialise({
    name: 'listening-post-scoring',
    featureOptions: options.featureOptions,
    complaintThreshold: model.complaintThreshold,
    training: {
      algorithm:
        'softmax (3-class sentiment) + logistic (complaint) regression, AdaGrad SGD with L2, class-balanced, ' +
        'the complaint head stacked on the sentiment head (its three probabilities as inputs), ' +
        'each stage the mean of models fitted with five consecutive seeds, ' +
        'hashed word 1-2-grams with negation scope, char 3-5-grams, AFINN-165/emoji/style features; ' +
        'leading @handles, links and function-word unigrams left out for domain robustness',
      hyperParameters: options,
      data: dataHashes(LABELLED_DIR),
      selection: {
        ngramDropout:
          `most regularised of ${JSON.stringify(NGRAM_DROPOUT_RATES)} within ${TOLERANCE_POINTS} points of the best ` +
          `${INNER_FOLDS}-fold cross-validated macro-recall on the airline training part (five seeds averaged, as shipped) ` +
          '(folds by fnv1a("inner:" + tweet_id)); no held-out or TweetEval data',
        candidates: selection.candidates,
        caveat:
          'the domain-robustness switches were designed after reading TweetEval errors (the airline-trained model ' +
          'called most neutral TweetEval posts negative); no numeric setting was tuned on TweetEval or held-out ids',
      },
      complaintThreshold: 'maximises F1 over 5-fold out-of-fold predictions on the complaint training part',
      examples: { airlineTrain: airTrain.length, complaintsTrain: compTrain.length, tweeteval: 0 },
      heldOut: {
        airline: `${AIRLINE_HELD_OUT_PERCENT}% by fnv1a("held-out:" + tweet_id)`,
        complaints: `${COMPLAINTS_HELD_OUT_PERCENT}% by fnv1a("held-out:" + id)`,
      },
      seconds,
    },
    eval: { heldOut },
  });
  mkdirSync(MODEL_DIR, { recursive: true });
  writeFileSync(resolve(MODEL_DIR, WEIGHTS_FILE), bytes);
  await writeCard(card);
  console.log(
    `trained in ${seconds.toFixed(1)} s on ${airTrain.length} airline + ${compTrain.length} complaint tweets`,
  );
  console.log(JSON.stringify(heldOut, null, 2));
  console.log(
    `wrote ${resolve(MODEL_DIR, WEIGHTS_FILE)} (${(bytes.length / 1_048_576).toFixed(2)} MiB) and ${CARD_FILE}`,
  );
}

/**
 * Fixed before any selection: l2 and the group scales as before; five seeds averaged per model
 * (the shuffle order alone moved single models by a point and a half); the domain-robustness switches
 * (see FeatureOptions) because airline tweets all open with the airline's handle and carry links
 * far more often than other posts, which the model otherwise learns as tone.
 */
export const TRAIN_OPTIONS = {
  ...DEFAULT_TRAIN_OPTIONS,
  l2: 1e-3,
  averageOf: 5,
  featureOptions: {
    wordScale: 1,
    charScale: 0.25,
    denseScale: 3,
    skipLeadingMentions: true,
    skipStopwordUnigrams: true,
    skipUrls: true,
  },
};

/** Candidates for the n-gram dropout, least to most regularised; chosen by chooseNgramDropout. */
export const NGRAM_DROPOUT_RATES = [0, 0.15, 0.3, 0.45];

/** Writes the model card as Prettier formats it, so `npm run lint` stays clean after a retrain. */
export async function writeCard(card: object): Promise<void> {
  writeFileSync(resolve(MODEL_DIR, CARD_FILE), await format(JSON.stringify(card), { parser: 'json', printWidth: 120 }));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
