export { LexiconScorer } from './lexicon-scorer';
export {
  TrainedScorer,
  LANGUAGE_NOT_COVERED,
  type ScorableMention,
  type ScoreContext,
  type TrainedScorerOptions,
} from './trained-scorer';
export {
  DEFAULT_URGENCY_POLICY,
  DEFAULT_INTENTS,
  resolvePolicy,
  type IntentRule,
  type PartialPolicy,
  type UrgencyPolicy,
} from './urgency-policy';
export { TOPIC_RULES, PRAISE_TOPIC, FALLBACK_TOPIC, type TopicRule } from './topic-rules';
export {
  TopicClassifier,
  MULTILINGUAL_TOPIC_RULES,
  PROBLEM_TOPICS,
  TOPICS,
  type Topic,
  type TopicClassifierOptions,
} from './topics';
export { detectLanguage, COVERED_LANGUAGES } from './language';
