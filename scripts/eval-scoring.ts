import type { RawMention } from '@lp/domain';
import { LexiconScorer } from '../libs/scoring/src/lexicon-scorer';
import { LinearModel, readCard } from '../libs/scoring/src/linear-model';
import { TrainedScorer } from '../libs/scoring/src/trained-scorer';
import { fnv1a } from '../libs/scoring/src/hashing';
import { evalComplaint, evalSentiment, predictComplaint } from '../libs/scoring/src/training/evaluate';
import { evalLanguageId } from '../libs/scoring/src/training/evaluate-language';
import { lengthCheck, umsabFigures } from '../libs/scoring/src/training/evaluate-product';
import {
  type Example,
  loadAirline,
  loadComplaints,
  loadTrainingParts,
  loadTweetEval,
  loadUmsab,
  UMSAB_LANGUAGES,
  type UmsabLanguage,
} from '../libs/scoring/src/training/labelled-data';
import { accuracy, f1, macroF1, macroRecall, rocAuc } from '../libs/scoring/src/training/metrics';
import { chooseComplaintThreshold } from '../libs/scoring/src/training/model-selection';
import { type TrainOptions, trainComplaint, trainJoint } from '../libs/scoring/src/training/sgd-trainer';
import { LABELLED_DIR, requireLabelledData, writeCard } from './train-scoring';

/**
 * `npm run eval:scoring`: measures the committed weights on data training never read: the held-out
 * parts of the support (airline) and complaint sets, the TweetEval validation split (general
 * tweets), the UMSAB validation split of eight languages (macro-F1, its benchmark's measure), the
 * length check (eight neutral tweets joined into one post against one alone), language
 * identification, the AFINN lexicon baseline, and the full score's speed on one core.
 * Complaints are also measured the way the published benchmark is (Preotiuc-Pietro et al. 2019:
 * 10-fold cross-validation over the whole set, macro-F1), the threshold chosen inside each fold.
 */
const THROUGHPUT_TEXTS = 24_000;

async function main(): Promise<void> {
  requireLabelledData();
  const parts = loadTrainingParts(LABELLED_DIR);
  const airline = loadAirline(LABELLED_DIR);
  const complaints = loadComplaints(LABELLED_DIR);
  const tweeteval = loadTweetEval(LABELLED_DIR);
  const umsabVal = Object.fromEntries(
    (Object.keys(UMSAB_LANGUAGES) as UmsabLanguage[]).map((l) => [l, loadUmsab(LABELLED_DIR, l, 'val')]),
  ) as Record<UmsabLanguage, Example[]>;

  const model = LinearModel.load();
  const figures: Record<string, unknown> = {
    sentimentHeldOutAirline: evalSentiment(model, parts.airlineHeldOut),
    sentimentTweetEvalVal: evalSentiment(model, tweeteval),
    sentimentUmsabVal: umsabFigures(model, umsabVal),
    lengthCheck: lengthCheck(tweeteval),
    languageIdentification: evalLanguageId(LABELLED_DIR),
    complaintHeldOut: evalComplaint(model, parts.complaintsHeldOut),
    complaintMajorityClassHeldOut: majorityClass(parts.complaintsHeldOut),
    complaintCrossValidated: crossValidateComplaints(parts.sentiment, complaints),
    lexiconBaseline: lexiconBaseline(parts.airlineHeldOut, tweeteval, parts.complaintsHeldOut),
    throughput: throughput([...airline, ...complaints, ...tweeteval, ...Object.values(umsabVal).flat()]),
  };
  console.log(JSON.stringify(figures, null, 2));

  const card = readCard();
  card.eval = { ...figures, measuredAt: new Date().toISOString() };
  await writeCard(card);
}

/** Calling nothing a complaint: the floor under the macro-F1 (the paper's majority baseline is 39.1). */
function majorityClass(examples: Example[]): { macroF1: number; accuracy: number } {
  const gold = examples.map((e) => e.label);
  const none = gold.map(() => 0);
  return { macroF1: Number(macroF1(gold, none).toFixed(4)), accuracy: Number(accuracy(gold, none).toFixed(2)) };
}

/**
 * 10-fold cross-validation over all complaint tweets, as the benchmark is run: each fold trains the
 * shipped recipe on the other nine (its threshold chosen on those nine alone) and predicts its own.
 * The sentiment head under the complaint head is the shipped one's recipe (its sentiment data).
 */
function crossValidateComplaints(
  sentiment: Example[],
  complaints: Example[],
): {
  label: string;
  n: number;
  f1: number;
  macroF1: number;
  meanFoldMacroF1: number;
  rocAuc: number;
  thresholds: number[];
} {
  const options = readCard().training.hyperParameters as TrainOptions;
  // The sentiment head alone (no complaint data at all), trained as the shipped one is.
  const sentimentModel = trainJoint(sentiment, [], options);
  const fold = (e: Example) => fnv1a(`cv10:${e.id}`) % 10;
  const gold: number[] = [];
  const probs: number[] = [];
  const pred: number[] = [];
  const foldMacroF1: number[] = [];
  const thresholds: number[] = [];
  for (let k = 0; k < 10; k++) {
    const rest = complaints.filter((e) => fold(e) !== k);
    const test = complaints.filter((e) => fold(e) === k);
    const threshold = chooseComplaintThreshold(sentimentModel, rest, options);
    const p = predictComplaint(trainComplaint(sentimentModel, rest, options), test);
    const g = test.map((e) => e.label);
    const cut = p.map((x) => (x >= threshold ? 1 : 0));
    gold.push(...g);
    probs.push(...p);
    pred.push(...cut);
    foldMacroF1.push(macroF1(g, cut));
    thresholds.push(threshold);
  }
  const round4 = (v: number) => Number(v.toFixed(4));
  return {
    label: '10-fold cross-validated over all complaint tweets; threshold chosen inside each fold',
    n: gold.length,
    f1: round4(f1(gold, pred)),
    macroF1: round4(macroF1(gold, pred)),
    meanFoldMacroF1: round4(foldMacroF1.reduce((sum, v) => sum + v, 0) / foldMacroF1.length),
    rocAuc: round4(rocAuc(gold, probs)),
    thresholds,
  };
}

function lexiconBaseline(airTest: Example[], tweeteval: Example[], compTest: Example[]): Record<string, number> {
  const lexicon = new LexiconScorer();
  const label = { negative: 0, neutral: 1, positive: 2 } as const;
  const run = (examples: Example[]) => examples.map((e) => lexicon.score(mention(e.text, 'en')));
  const air = run(airTest);
  const te = run(tweeteval);
  const comp = run(compTest);
  const round = (v: number, d = 2) => Number(v.toFixed(d));
  return {
    airlineMacroRecall: round(
      macroRecall(
        airTest.map((e) => e.label),
        air.map((s) => label[s.sentiment]),
      ),
    ),
    tweetEvalMacroRecall: round(
      macroRecall(
        tweeteval.map((e) => e.label),
        te.map((s) => label[s.sentiment]),
      ),
    ),
    complaintRocAuc: round(
      rocAuc(
        compTest.map((e) => e.label),
        comp.map((s) => s.complaint),
      ),
      4,
    ),
  };
}

function mention(text: string, platformLang: string | null): Pick<RawMention, 'text' | 'author' | 'platformLang'> {
  return {
    text,
    platformLang,
    author: { externalId: '1', handle: 'someone', name: 'Some One', followers: 120, verified: false },
  };
}

/**
 * The full score (language, model, topic, urgency) with no platform language, on one core: the
 * fastest of three passes, since other work on the machine only ever slows a pass down.
 */
function throughput(examples: Example[]): {
  mentions: number;
  seconds: number;
  mentionsPerSecond: number;
  passes: number[];
} {
  const mentions = Array.from({ length: THROUGHPUT_TEXTS }, (_, i) =>
    mention(examples[i % examples.length].text, null),
  );
  const scorer = new TrainedScorer();
  const now = Date.now();
  for (let i = 0; i < 2_000; i++) scorer.score(mentions[i], { now }); // warm up the JIT
  let sink = 0;
  const passes = [0, 1, 2].map(() => {
    const started = process.hrtime.bigint();
    for (const m of mentions) sink += scorer.score(m, { now }).urgency;
    return Number(process.hrtime.bigint() - started) / 1e9;
  });
  if (sink < 0) console.log(sink);
  const seconds = Math.min(...passes);
  return {
    mentions: mentions.length,
    seconds: Number(seconds.toFixed(3)),
    mentionsPerSecond: Math.round(mentions.length / seconds),
    passes: passes.map((p) => Math.round(mentions.length / p)),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
