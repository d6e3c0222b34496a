import type { SentimentLabel } from '@lp/domain';
import { FALLBACK_TOPIC, PRAISE_TOPIC, type TopicRule } from '../topic-rules';
import { KeywordMatcher } from './keyword-matcher';
import { MULTILINGUAL_TOPIC_RULES, OVERRIDE_TOPICS, PROBLEM_TOPICS } from './keyword-rules';
import { MAX_TOPIC_CHARS, TopicFeaturizer } from './topic-features';
import { TopicModel, type TopicPolicy } from './topic-model';

export interface TopicClassifierOptions {
  /** A brand's own rules, first match wins; they beat everything else where they match. */
  rules?: readonly TopicRule[];
  /** Defaults to the committed weights (libs/scoring/model/topics.json), loaded once per process. */
  model?: TopicModel;
  /** The built-in multilingual keyword rules (tests and the training script swap them). */
  keywordRules?: readonly TopicRule[];
  /** Defaults to the policy stored with the model. */
  policy?: TopicPolicy;
}

let sharedModel: TopicModel | undefined;
/** The committed topic weights, read synchronously on first use and shared by every classifier. */
export function defaultTopicModel(): TopicModel {
  sharedModel ??= TopicModel.load();
  return sharedModel;
}

/**
 * Routes a mention to a tech-support topic (safety, security, outage, billing, account, delivery,
 * hardware, software, question, praise, other):
 * 1. the brand's own rules, first match wins;
 * 2. the safety and security keyword rules (missing a fire or a hacked account costs the most);
 * 3. the model's topic when confident: a problem topic at `problemConfidence`, question/praise/other at
 *    `otherConfidence`, and only when at least `minKnownWords` of the words were seen in training;
 * 4. else the first multilingual keyword rule that matches (the model is trained on English tweets, so
 *    in other languages the rules carry most of the decisions); praise only for a non-negative mention;
 * 5. else the model's topic (other → praise for a positive mention, when the policy says so).
 */
export class TopicClassifier {
  private readonly brandRules: readonly TopicRule[];
  private readonly matcher: KeywordMatcher;
  private readonly overrideRules: number[] = [];
  private readonly fallbackRules: number[] = [];
  private readonly model: TopicModel;
  private readonly policy: TopicPolicy;
  private readonly featurizer = new TopicFeaturizer();
  private readonly probs: Float64Array;
  private readonly problem: boolean[];

  constructor(opts: TopicClassifierOptions = {}) {
    this.brandRules = opts.rules ?? [];
    const keyword = opts.keywordRules ?? MULTILINGUAL_TOPIC_RULES;
    this.matcher = new KeywordMatcher(keyword);
    keyword.forEach((r, i) => (OVERRIDE_TOPICS.has(r.topic) ? this.overrideRules : this.fallbackRules).push(i));
    this.model = opts.model ?? defaultTopicModel();
    this.policy = opts.policy ?? this.model.policy;
    this.probs = new Float64Array(this.model.k);
    this.problem = this.model.classes.map((c) => PROBLEM_TOPICS.has(c));
  }

  classify(raw: string, sentiment: SentimentLabel): string {
    const text = raw.length > MAX_TOPIC_CHARS ? raw.slice(0, MAX_TOPIC_CHARS) : raw;
    for (const rule of this.brandRules) if (rule.pattern.test(text)) return rule.topic;
    const lower = text.toLowerCase();
    const matcher = this.matcher;
    matcher.scan(lower);
    for (const i of this.overrideRules) if (matcher.matches(i, text)) return matcher.rules[i].topic;

    const f = this.featurizer;
    f.extract(lower, true);
    const best = this.model.predict(f.idx, f.val, f.n, this.probs);
    const p = this.probs[best];
    const modelTopic = this.model.classes[best];
    const bar = this.problem[best] ? this.policy.problemConfidence : this.policy.otherConfidence;
    const known = this.model.knownWords(f.idx, f.uni, f.words) >= this.policy.minKnownWords;
    if (known && p >= bar) return this.praiseOr(modelTopic, sentiment);

    for (const i of this.fallbackRules) {
      const topic = matcher.rules[i].topic;
      if (topic === PRAISE_TOPIC && sentiment === 'negative') continue;
      if (matcher.matches(i, text)) return topic;
    }
    return this.praiseOr(modelTopic, sentiment);
  }

  /** The model's class probabilities for the last `classify` that reached the model (diagnostics). */
  lastProbabilities(): Record<string, number> {
    return Object.fromEntries(this.model.classes.map((c, i) => [c, this.probs[i]]));
  }

  private praiseOr(topic: string, sentiment: SentimentLabel): string {
    return this.policy.praiseWhenPositive && topic === FALLBACK_TOPIC && sentiment === 'positive'
      ? PRAISE_TOPIC
      : topic;
  }
}
