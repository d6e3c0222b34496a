import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SentimentLabel } from '@lp/domain';
import { MODEL_DIR } from '../libs/scoring/src/linear-model';
import { FALLBACK_TOPIC, PRAISE_TOPIC, TOPIC_RULES, type TopicRule } from '../libs/scoring/src/topic-rules';
import { MULTILINGUAL_TOPIC_RULES, TOPICS } from '../libs/scoring/src/topics/keyword-rules';
import { TopicClassifier } from '../libs/scoring/src/topics/topic-classifier';
import {
  isTopicHeldOut,
  loadTopicExamples,
  missingTopicFiles,
  lexiconSentiment,
  TOPIC_COMPLAINTS_FILE,
  TOPIC_LABELS_FILE,
  TOPIC_SEMEVAL_FILE,
  topicScores,
  type TopicScores,
} from '../libs/scoring/src/topics/topic-data';
import { TOPIC_MODEL_FILE } from '../libs/scoring/src/topics/topic-model';
import {
  featurise,
  selectByCrossValidation,
  trainTopicModel,
  type TrainRow,
} from '../libs/scoring/src/topics/topic-trainer';

/**
 * `npx tsx scripts/train-topics.ts`: trains the topic model on the labelled two thirds of
 * libs/scoring/topics/labels.tsv (texts read from ../shared/data/labelled), chooses its options and
 * the rules/model policy by cross-validation inside those two thirds, writes
 * libs/scoring/model/topics.json, and prints per-topic precision/recall/F1 on the held-out third for
 * the model + rules, the model alone, the multilingual rules alone and the old keyword rules.
 * Deterministic: same labels and data, same bytes.
 */
const LABELLED_DIR = resolve(__dirname, '../../shared/data/labelled');

function legacy(rules: readonly TopicRule[], text: string, sentiment: SentimentLabel): string {
  for (const rule of rules) if (rule.pattern.test(text)) return rule.topic;
  return sentiment === 'positive' ? PRAISE_TOPIC : FALLBACK_TOPIC;
}

function table(name: string, s: TopicScores): string {
  const pct = (v: number) => (v * 100).toFixed(1).padStart(6);
  const lines = [
    `${name}`,
    `  ${'topic'.padEnd(10)} ${'n'.padStart(4)}  ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
  ];
  for (const t of TOPICS) {
    const r = s.perTopic[t];
    if (r)
      lines.push(
        `  ${t.padEnd(10)} ${String(r.support).padStart(4)}  ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}`,
      );
  }
  lines.push(
    `  ${'macro'.padEnd(10)} ${''.padStart(4)}  ${pct(s.macro.precision)} ${pct(s.macro.recall)} ${pct(s.macro.f1)}`,
  );
  lines.push(`  accuracy ${(s.accuracy * 100).toFixed(1)}`);
  return lines.join('\n');
}

const round = (v: number) => Math.round(v * 1000) / 1000;
function compact(s: TopicScores) {
  return {
    macroF1: round(s.macro.f1),
    macroPrecision: round(s.macro.precision),
    macroRecall: round(s.macro.recall),
    accuracy: round(s.accuracy),
    perTopic: Object.fromEntries(
      Object.entries(s.perTopic).map(([t, r]) => [
        t,
        { n: r.support, precision: round(r.precision), recall: round(r.recall), f1: round(r.f1) },
      ]),
    ),
  };
}

function main(): void {
  const missing = missingTopicFiles(LABELLED_DIR);
  if (missing.length > 0 || !existsSync(LABELLED_DIR)) {
    console.error(`../shared/data/labelled not found or incomplete at ${LABELLED_DIR}: missing ${missing.join(', ')}`);
    process.exit(1);
  }
  const sentimentOf = lexiconSentiment;
  const rows: Array<TrainRow & { source: string }> = loadTopicExamples(LABELLED_DIR).map((e) => ({
    key: `${e.source}:${e.key}`,
    source: e.source,
    text: e.text,
    topic: e.topic,
    sentiment: sentimentOf(e.text),
  }));
  const train = rows.filter((r) => !isTopicHeldOut(r.source, r.key.slice(r.source.length + 1)));
  const test = rows.filter((r) => isTopicHeldOut(r.source, r.key.slice(r.source.length + 1)));
  const count = (rs: readonly TrainRow[]) =>
    Object.fromEntries(TOPICS.map((t) => [t, rs.filter((r) => r.topic === t).length]));
  console.log(`labelled ${rows.length}: train ${train.length}, held out ${test.length}`);
  console.log('train', JSON.stringify(count(train)));
  console.log('held out', JSON.stringify(count(test)));

  const selection = selectByCrossValidation(train);
  for (const g of selection.grid) {
    console.log(
      `cv l2=${g.l2} balance=${g.balance}: model alone ${(g.modelOnlyMacroF1 * 100).toFixed(1)}, ` +
        `with rules ${(g.macroF1 * 100).toFixed(1)} ${JSON.stringify(g.bestPolicy)}`,
    );
  }
  console.log(`chose ${JSON.stringify(selection.options)} ${JSON.stringify(selection.policy)}`);
  const model = trainTopicModel(featurise(train), selection.options, selection.policy);

  const gold = test.map((r) => r.topic);
  const combined = new TopicClassifier({ model });
  const modelOnly = new TopicClassifier({
    model,
    keywordRules: [],
    policy: { problemConfidence: 0, otherConfidence: 0, praiseWhenPositive: false, minKnownWords: 0 },
  });
  const scores = {
    combined: topicScores(
      gold,
      test.map((r) => combined.classify(r.text, r.sentiment)),
    ),
    model: topicScores(
      gold,
      test.map((r) => modelOnly.classify(r.text, r.sentiment)),
    ),
    rules: topicScores(
      gold,
      test.map((r) => legacy(MULTILINGUAL_TOPIC_RULES, r.text, r.sentiment)),
    ),
    legacy: topicScores(
      gold,
      test.map((r) => legacy(TOPIC_RULES, r.text, r.sentiment)),
    ),
  };
  console.log(table('held-out third: model + multilingual rules (shipped)', scores.combined));
  console.log(table('held-out third: model alone', scores.model));
  console.log(
    table('held-out third: multilingual rules alone (first match; else praise if positive, else other)', scores.rules),
  );
  console.log(
    table(
      'held-out third: old keyword rules (TOPIC_RULES, first match; else praise if positive, else other)',
      scores.legacy,
    ),
  );

  // Time per classify on the held-out texts (sentiment given), after a warm-up.
  const texts = test.map((r) => [r.text, r.sentiment] as const);
  for (let i = 0; i < 20_000; i++) combined.classify(texts[i % texts.length][0], texts[i % texts.length][1]);
  const n = 200_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) combined.classify(texts[i % texts.length][0], texts[i % texts.length][1]);
  const usPerClassify = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  console.log(`classify: ${usPerClassify.toFixed(2)} µs per mention (mean over ${n} held-out texts)`);

  const sha = (f: string) => `sha256:${createHash('sha256').update(readFileSync(f)).digest('hex')}`;
  const card = model.serialise({
    name: 'topics-hashed-ngram-logreg-v1',
    training: {
      script: 'scripts/train-topics.ts',
      labels: 'libs/scoring/topics/labels.tsv',
      labelsHash: sha(TOPIC_LABELS_FILE),
      data: {
        [TOPIC_COMPLAINTS_FILE]: sha(resolve(LABELLED_DIR, TOPIC_COMPLAINTS_FILE)),
        [TOPIC_SEMEVAL_FILE]: sha(resolve(LABELLED_DIR, TOPIC_SEMEVAL_FILE)),
      },
      heldOut: 'fnv1a("topics-held-out:<source>:<key>") % 3 === 0',
      trainRows: train.length,
      heldOutRows: test.length,
      trainCounts: count(train),
      heldOutCounts: count(test),
      options: selection.options,
      cv: {
        folds: 5,
        macroF1: round(selection.cvMacroF1),
        modelOnlyMacroF1: round(selection.cvModelOnlyMacroF1),
        grid: selection.grid.map((g) => ({
          ...g,
          macroF1: round(g.macroF1),
          modelOnlyMacroF1: round(g.modelOnlyMacroF1),
        })),
      },
    },
    eval: {
      split: 'held-out third of labels.tsv',
      combined: compact(scores.combined),
      modelOnly: compact(scores.model),
      rulesOnly: compact(scores.rules),
      legacyRules: compact(scores.legacy),
    },
  });
  const out = resolve(MODEL_DIR, TOPIC_MODEL_FILE);
  writeFileSync(out, `${JSON.stringify(card, null, 1)}\n`);
  console.log(`wrote ${out} (${(readFileSync(out).length / 1024).toFixed(0)} KiB)`);
}

main();
