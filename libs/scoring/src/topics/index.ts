export { TopicClassifier, defaultTopicModel, type TopicClassifierOptions } from './topic-classifier';
export { MULTILINGUAL_TOPIC_RULES, OVERRIDE_TOPICS, PROBLEM_TOPICS, TOPICS, type Topic } from './keyword-rules';
export { TopicModel, type TopicPolicy } from './topic-model';
