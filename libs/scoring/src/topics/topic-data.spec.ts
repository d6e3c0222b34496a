import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL_DIR } from '../linear-model';
import { TOPICS } from './keyword-rules';
import { TopicClassifier } from './topic-classifier';
import {
  isTopicHeldOut,
  lexiconSentiment,
  loadTopicExamples,
  loadTopicLabels,
  missingTopicFiles,
  topicScores,
} from './topic-data';
import { TOPIC_MODEL_FILE, type TopicModelCard } from './topic-model';

const LABELLED_DIR = resolve(__dirname, '../../../../../shared/data/labelled');
const missing = missingTopicFiles(LABELLED_DIR);

describe('topic labels', () => {
  const labels = loadTopicLabels();

  it('holds at least 600 references with a known topic, each once, and no text', () => {
    expect(labels.length).toBeGreaterThanOrEqual(600);
    expect(new Set(labels.map((l) => `${l.source}:${l.key}`)).size).toBe(labels.length);
    for (const l of labels) expect(TOPICS).toContain(l.topic);
  });

  it('holds out about a third, by a hash of source and key', () => {
    const share = labels.filter((l) => isTopicHeldOut(l.source, l.key)).length / labels.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.39);
  });

  it('computes per-topic precision, recall and macro-F1', () => {
    const s = topicScores(['billing', 'billing', 'other'], ['billing', 'other', 'other']);
    expect(s.perTopic.billing).toMatchObject({ precision: 1, recall: 0.5 });
    expect(s.perTopic.other).toMatchObject({ precision: 0.5, recall: 1 });
    expect(s.macro.f1).toBeCloseTo((2 / 3 + 2 / 3) / 2);
  });
});

if (missing.length > 0) {
  describe('topics on the held-out third', () => {
    it('is skipped: the data check needs ../shared/data/labelled', () => {
      console.warn(`../shared/data/labelled not found: ${LABELLED_DIR} (missing ${missing.join(', ')})`);
      expect(missing.length).toBeGreaterThan(0);
    });
  });
} else {
  describe('topics on the held-out third', () => {
    it('keeps the measured macro-F1 of the model and rules, well above the old keyword rules', () => {
      const card = JSON.parse(readFileSync(resolve(MODEL_DIR, TOPIC_MODEL_FILE), 'utf8')) as TopicModelCard;
      const measured = (card.eval as { combined: { macroF1: number } }).combined.macroF1;
      const test = loadTopicExamples(LABELLED_DIR).filter((e) => isTopicHeldOut(e.source, e.key));
      const topics = new TopicClassifier();
      const scores = topicScores(
        test.map((e) => e.topic),
        test.map((e) => topics.classify(e.text, lexiconSentiment(e.text))),
      );
      expect(scores.macro.f1).toBeGreaterThanOrEqual(measured - 0.02);
      expect(scores.macro.f1).toBeGreaterThan(0.45);
    });
  });
}
