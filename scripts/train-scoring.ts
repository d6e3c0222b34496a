import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { CARD_FILE, LinearModel, MODEL_DIR, WEIGHTS_FILE } from '../libs/scoring/src/linear-model';
import { evalComplaint, evalSentiment } from '../libs/scoring/src/training/evaluate';
import {
  AIRLINE_HELD_OUT_PERCENT,
  COMPLAINTS_HELD_OUT_PERCENT,
  dataHashes,
  type Example,
  loadTrainingParts,
  loadTweetEval,
  missingFiles,
} from '../libs/scoring/src/training/labelled-data';
import {
  chooseComplaintThreshold,
  chooseDomainMix,
  MIX_FOLDS,
  TOLERANCE_POINTS,
} from '../libs/scoring/src/training/model-selection';
import {
  DEFAULT_TRAIN_OPTIONS,
  type TrainOptions,
  trainComplaint,
  trainJoint,
} from '../libs/scoring/src/training/sgd-trainer';

/**
 * `npm run train:scoring`: trains the sentiment and complaint model on ../shared/data/labelled
 * (support, general and seven languages' sentiment tweets, complaint tweets; held-out ids, TweetEval
 * and UMSAB validation never read) and writes libs/scoring/model/{weights.bin,model-card.json}.
 * The domain mix and the complaint threshold are chosen inside the training parts
 * (model-selection.ts). Deterministic: same data, same bytes.
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
  const parts = loadTrainingParts(LABELLED_DIR);

  const started = Date.now();
  const selection = chooseDomainMix(parts.sentiment, parts.complaints, TRAIN_OPTIONS, MIX_GRID);
  const options = selection.options;
  console.log(`domain mix: ${JSON.stringify(selection.candidates)}`);
  // Stage one, the multi-task model; stage two, its complaint head stacked on its sentiment head.
  const joint = trainJoint(parts.sentiment, parts.complaints, options);
  const complaintThreshold = chooseComplaintThreshold(joint, parts.complaints, options);
  const trained = trainComplaint(joint, parts.complaints, options);
  const model = new LinearModel(
    trained.weights,
    trained.bias,
    trained.featureOptions,
    complaintThreshold,
    trained.complaintStack,
  );
  const seconds = (Date.now() - started) / 1000;

  const heldOut = {
    airline: evalSentiment(model, parts.airlineHeldOut),
    tweetevalVal: evalSentiment(model, loadTweetEval(LABELLED_DIR)),
    complaints: evalComplaint(model, parts.complaintsHeldOut),
  };
  const { bytes, card } = model.serialise({
    name: 'listening-post-scoring',
    featureOptions: options.featureOptions,
    complaintThreshold: model.complaintThreshold,
    training: {
      algorithm:
        'softmax (3-class sentiment) + logistic (complaint) regression, AdaGrad SGD with L2, classes balanced ' +
        'inside each domain and domains weighted, the complaint head stacked on the sentiment head (its three ' +
        'probabilities as inputs), each stage the mean of models fitted with five consecutive seeds, hashed ' +
        'word 1-2-grams with negation scope and char 3-5-grams counted once each, a language feature, ' +
        'AFINN-165/emoji/style features; leading @handles, links and function-word unigrams left out for ' +
        'domain robustness; posts longer than a tweet read in tweet-sized windows and averaged',
      hyperParameters: options,
      data: dataHashes(LABELLED_DIR),
      selection: {
        domainMix:
          `weight of the general (SemEval) domain and char-n-gram scale by ${MIX_FOLDS}-fold cross-validation ` +
          'inside the training parts of every domain (folds by fnv1a("mix:" + id), one seed per fit): the best ' +
          "mean of support macro-recall, general macro-recall and the languages' mean macro-F1, among " +
          `candidates within ${TOLERANCE_POINTS} points of the best support figure; no held-out, TweetEval ` +
          'or UMSAB validation data',
        candidates: selection.candidates,
        fixed:
          'n-gram dropout 0.15 and the domain-robustness switches (chosen in earlier versions on the airline ' +
          'training part); support and UMSAB domains weigh 1',
      },
      complaintThreshold: 'maximises F1 over 5-fold out-of-fold predictions on the complaint training part',
      examples: { ...countByDomain(parts.sentiment), complaints: parts.complaints.length, tweeteval: 0 },
      notTrainedOn:
        "UMSAB's English tweets (most are TweetEval validation tweets), the held-out ids, TweetEval and every " +
        'validation split',
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
    `trained in ${seconds.toFixed(1)} s on ${parts.sentiment.length} sentiment + ${parts.complaints.length} complaint tweets`,
  );
  console.log(JSON.stringify(heldOut, null, 2));
  console.log(
    `wrote ${resolve(MODEL_DIR, WEIGHTS_FILE)} (${(bytes.length / 1_048_576).toFixed(2)} MiB) and ${CARD_FILE}`,
  );
}

/**
 * Fixed before any selection: l2 and the dense scale as before; five seeds averaged per model (the
 * shuffle order alone moved single models by a point and a half); n-grams counted once and a
 * language feature (eight languages share one model); the domain-robustness switches (see
 * FeatureOptions) because airline tweets all open with the airline's handle and carry links far more
 * often than other posts, which the model otherwise learns as tone.
 */
export const TRAIN_OPTIONS: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  l2: 1e-3,
  averageOf: 5,
  ngramDropout: 0.15,
  domainWeights: { support: 1, general: 1, umsab: 1 },
  featureOptions: {
    wordScale: 1,
    charScale: 0.25,
    denseScale: 3,
    skipLeadingMentions: true,
    skipStopwordUnigrams: true,
    skipUrls: true,
    dedupe: true,
    languageBias: true,
  },
};

/** The domain-mix search: SemEval has ~47,000 tweets against ~10,000 support tweets. */
export const MIX_GRID = { generalWeights: [0.15, 0.3, 0.6], charScales: [0.25, 0.5] };

/** Sentiment examples per domain (support, general, umsab:<lang>), for the model card. */
function countByDomain(examples: readonly Example[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of examples) counts[e.domain ?? 'unknown'] = (counts[e.domain ?? 'unknown'] ?? 0) + 1;
  return counts;
}

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
