export { LexiconScorer } from './lexicon-scorer';
