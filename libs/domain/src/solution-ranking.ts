import type { Platform } from './platform';
import { checkReplyText } from './reply-text';

/** What the database measured for one candidate solution against one mention. */
export interface SolutionMatch {
  /** Share (0..1) of the mention's stemmed words found in title, problem or fix. */
  textRank: number;
  /** pg_trgm word similarity of the mention's text to the problem, and to the fix (0..1). */
  problemSimilarity: number;
  fixSimilarity: number;
  sameTopic: boolean;
  sameProduct: boolean;
  workedCount: number;
  failedCount: number;
}

/** Below this a candidate is noise: a shared stop word or a few common trigrams. */
export const MIN_SUGGESTION_SCORE = 0.3;

/**
 * One explainable score. Text evidence dominates (a solution about the wrong problem must never win
 * on popularity); topic and product are tie-breaking boosts; the track record moves a solution by at
 * most ±0.2 through a smoothed success rate, so one early vote cannot bury or crown it.
 */
export function scoreSolution(match: SolutionMatch): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  const text = Math.min(match.textRank, 1) * 0.6;
  const similar = Math.max(match.problemSimilarity, match.fixSimilarity * 0.7) * 0.8;
  if (text > 0) reasons.push(`shares ${Math.round(match.textRank * 100)}% of the words`);
  if (similar > 0.2) reasons.push(`similar wording (${Math.round(match.problemSimilarity * 100)}%)`);
  let score = text + similar;
  if (score === 0) return { score: 0, reasons: [] };
  if (match.sameTopic) {
    score += 0.15;
    reasons.push('same topic');
  }
  if (match.sameProduct) {
    score += 0.15;
    reasons.push('same product');
  }
  const record = successRate(match.workedCount, match.failedCount);
  score += (record - 0.5) * 0.4;
  if (match.workedCount > 0) reasons.push(`worked for ${match.workedCount}`);
  if (match.failedCount > match.workedCount) reasons.push(`failed for ${match.failedCount}`);
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** Laplace-smoothed share of customers it worked for: 0.5 with no evidence. */
export function successRate(worked: number, failed: number): number {
  return (worked + 1) / (worked + failed + 2);
}

/**
 * The text an agent inserts: the title, as much of the fix as fits, and the public link, within the
 * platform's limit as the platform counts it (X counts the link as 23). Words are dropped from the
 * fix until it fits; the link is never cut.
 */
export function shortAnswer(platform: Platform, parts: { title: string; fixPlain: string; url: string }): string {
  const limitPlatform: Platform = platform === 'feed' ? 'x' : platform;
  const fits = (text: string) => checkReplyText(limitPlatform, text).valid;
  const words = parts.fixPlain.split(/\s+/).filter(Boolean);
  const lead = parts.title.trim().replace(/[.:!?]*$/, '');
  for (let n = words.length; n > 0; n--) {
    const fix = words.slice(0, n).join(' ') + (n < words.length ? '…' : '');
    const text = `${lead}: ${fix} More: ${parts.url}`;
    if (fits(text)) return text;
  }
  const bare = `${lead}. More: ${parts.url}`;
  if (fits(bare)) return bare;
  return parts.url;
}
