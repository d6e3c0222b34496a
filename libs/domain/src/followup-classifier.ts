import type { ReplyOutcome } from './solution';

export interface FollowUpSentiment {
  label: 'negative' | 'neutral' | 'positive';
  /** -1..1, as the scorer gives it. */
  score: number;
}

export interface FollowUpVerdict {
  outcome: ReplyOutcome;
  /** -ve means failed, +ve confirmed; the sum of the cues below. */
  score: number;
  reasons: string[];
}

/** Words that say "it works". Negated ("didn't help", "not fixed"), they say the opposite. */
const WORKS = new Set([
  'fixed',
  'fixes',
  'works',
  'working',
  'worked',
  'solved',
  'resolved',
  'helped',
  'helps',
  'sorted',
]);
/** Things a device does; "won't connect" is a failure, "connects now" mild good news. */
const FUNCTIONS = new Set([
  'connect',
  'connects',
  'load',
  'loads',
  'boot',
  'boots',
  'charge',
  'charges',
  'print',
  'prints',
  'sync',
  'syncs',
  'start',
  'starts',
  'open',
  'opens',
  'work',
  'help',
  'fix',
  'turn',
  'pair',
  'pairs',
  'log',
]);
/** Words that say "it is broken". Negated ("no longer crashing", "no errors"), they are good news. */
const BROKEN = new Set([
  'broken',
  'broke',
  'crash',
  'crashes',
  'crashing',
  'crashed',
  'error',
  'errors',
  'fail',
  'fails',
  'failing',
  'failed',
  'down',
  'offline',
  'stuck',
  'freezes',
  'freezing',
  'frozen',
  'useless',
  'worse',
  'bug',
  'disconnects',
  'disconnecting',
  'dropping',
  'dead',
  'issue',
  'issues',
  'problem',
  'problems',
]);
/** Courtesy and praise: weak evidence alone ("thanks" may only acknowledge the reply). */
const PLEASED = new Set([
  'thanks',
  'thank',
  'thx',
  'ty',
  'cheers',
  'great',
  'awesome',
  'perfect',
  'brilliant',
  'legend',
  'appreciate',
  'amazing',
  'excellent',
]);
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nope',
  'cannot',
  'without',
  'nor',
  'didnt',
  'doesnt',
  'dont',
  'isnt',
  'wasnt',
  'hasnt',
  'havent',
  'wont',
  'cant',
  'arent',
  'couldnt',
  'wouldnt',
  'aint',
  'longer',
]);
/** How far back a negator reaches: "didn't really help", "not working at all". */
const NEGATION_WINDOW = 3;

/** Whole phrases that carry the verdict on their own. */
const GOOD_PHRASES: Array<[RegExp, string]> = [
  [/\b(did|does) the trick\b/, 'did the trick'],
  [/\ball (good|set|sorted)\b/, 'all good'],
  [/\bback (to normal|up|online|on)\b/, 'back to normal'],
  [/\b(fine|good|ok|okay|perfect|great) now\b/, 'fine now'],
  [/\bthat did it\b/, 'that did it'],
  [/\bproblem (is )?gone\b/, 'problem gone'],
];
const BAD_PHRASES: Array<[RegExp, string]> = [
  [/\bsame (problem|issue|error|thing)\b/, 'same problem'],
  [/\bno (luck|change|difference|joy)\b/, 'no luck'],
  [/\bnothing changed\b/, 'nothing changed'],
  [/\bmade it worse\b/, 'made it worse'],
  [/\b(already )?tried (that|this|it|everything)\b/, 'tried that'],
  [/\bwaste of time\b/, 'waste of time'],
];
/** Not a verdict yet: the customer will try, or asks. */
const HEDGES = /\b(will try|i'?ll try|going to try|gonna try|let you know|trying (it|that|now)|will report)\b/;

/**
 * Did our reply solve it, by the customer's next message? A small rule set you can read: cue words
 * count +1 (works) or -1 (broken); a negator up to three words before a cue flips it ("not fixed",
 * "no longer crashing"); "still" before a failure doubles it; courtesy counts +0.5. Weak evidence
 * (|score| < 1) defers to the trained sentiment when it is confident, and a hedge ("will try")
 * keeps a weak verdict unclear.
 */
export function classifyFollowUp(text: string, sentiment?: FollowUpSentiment): FollowUpVerdict {
  const lower = text.toLowerCase().replace(/[’`]/g, "'");
  const reasons: string[] = [];
  let score = 0;
  for (const [pattern, name] of GOOD_PHRASES) {
    if (pattern.test(lower)) {
      score += 1.5;
      reasons.push(`"${name}"`);
    }
  }
  for (const [pattern, name] of BAD_PHRASES) {
    if (pattern.test(lower)) {
      score -= 1.5;
      reasons.push(`"${name}"`);
    }
  }
  // Mentions and links say nothing about the outcome; apostrophes go so "didn't" and "didnt" match.
  const tokens = lower
    .replace(/https?:\/\/\S+|[@#]\w+/g, ' ')
    .replace(/'/g, '')
    .split(/[^a-z]+/)
    .filter(Boolean);
  tokens.forEach((token, i) => {
    const window = tokens.slice(Math.max(0, i - NEGATION_WINDOW), i);
    const negated = window.some((w) => NEGATORS.has(w));
    const still = window.includes('still');
    if (WORKS.has(token)) {
      score += negated ? -1 : 1;
      reasons.push(negated ? `negated "${token}"` : `"${token}"`);
    } else if (BROKEN.has(token)) {
      const weight = still ? 2 : 1;
      score += negated ? 1 : -weight;
      reasons.push(negated ? `negated "${token}"` : still ? `still "${token}"` : `"${token}"`);
    } else if (FUNCTIONS.has(token) && negated) {
      score -= 1;
      reasons.push(`negated "${token}"`);
    } else if (PLEASED.has(token) && !negated) {
      score += 0.5;
      reasons.push(`"${token}"`);
    } else if (token === 'still' && !tokens.slice(i + 1, i + 4).some((w) => WORKS.has(w) || PLEASED.has(w))) {
      // "still" on its own ("still the same", "still waiting") leans towards failure.
      score -= 0.5;
      reasons.push('"still"');
    }
  });
  if (Math.abs(score) < 1.5 && HEDGES.test(lower)) {
    return { outcome: 'unclear', score, reasons: [...reasons, 'will try: no verdict yet'] };
  }
  if (score >= 1) return { outcome: 'confirmed', score, reasons };
  if (score <= -1) return { outcome: 'failed', score, reasons };
  if (sentiment && Math.abs(sentiment.score) >= 0.5) {
    if (sentiment.label === 'negative' && score <= 0)
      return { outcome: 'failed', score, reasons: [...reasons, 'negative sentiment'] };
    if (sentiment.label === 'positive' && score >= 0)
      return { outcome: 'confirmed', score, reasons: [...reasons, 'positive sentiment'] };
  }
  return { outcome: 'unclear', score, reasons: reasons.length > 0 ? reasons : ['no verdict in the text'] };
}
