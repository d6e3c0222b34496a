import Sentiment from 'sentiment';
import type { MentionScores, RawMention, SentimentLabel, UrgencyLevel } from '@lp/domain';
import { FALLBACK_TOPIC, PRAISE_TOPIC, TOPIC_RULES } from './topic-rules';
import { INTENT_RULES, URGENCY_THRESHOLDS } from './urgency-rules';

/** Long posts are scored on their head: enough for intent, and keeps time per mention bounded. */
const MAX_SCORED_CHARS = 2_000;

const afinn = new Sentiment();

/**
 * Interim scorer built on the AFINN-165 lexicon (`sentiment` package), kept as a baseline for the
 * eval. `TrainedScorer` replaces it behind the same `score()` contract; this class has no private
 * members so a `TrainedScorer` can stand in wherever a `LexiconScorer` is typed.
 */
export class LexiconScorer {
  score(mention: Pick<RawMention, 'text' | 'author' | 'platformLang'>): MentionScores {
    const text = mention.text.slice(0, MAX_SCORED_CHARS);
    const { comparative } = afinn.analyze(text);
    // AFINN words score -5..5; a comparative of ±0.5 per token is already strongly worded.
    const sentimentScore = clamp(comparative / 0.5, -1, 1);
    const sentiment = sentimentLabel(sentimentScore);
    const complaint = clamp(0.5 - sentimentScore * 0.6, 0, 1);

    const reasons: Array<{ reason: string; weight: number }> = [];
    if (sentiment === 'negative')
      reasons.push({ reason: 'negative sentiment', weight: Math.round(-sentimentScore * 30) });
    for (const rule of INTENT_RULES) if (rule.pattern.test(text)) reasons.push(rule);
    if (mention.author.verified) reasons.push({ reason: 'verified author', weight: 10 });
    const reach = reachWeight(mention.author.followers);
    if (reach > 0) reasons.push({ reason: `${formatCount(mention.author.followers)} followers`, weight: reach });

    const urgency = Math.min(100, reasons.reduce((sum, r) => sum + r.weight, 0) + 5);
    reasons.sort((a, b) => b.weight - a.weight);

    return {
      sentiment,
      sentimentScore: round(sentimentScore),
      complaint: round(complaint),
      urgency,
      urgencyLevel: urgencyLevel(urgency),
      topic: topicOf(text, sentiment),
      lang: mention.platformLang ?? 'und',
      reasons: reasons.map((r) => r.reason),
    };
  }
}

function sentimentLabel(score: number): SentimentLabel {
  if (score <= -0.1) return 'negative';
  if (score >= 0.1) return 'positive';
  return 'neutral';
}

function urgencyLevel(urgency: number): UrgencyLevel {
  if (urgency >= URGENCY_THRESHOLDS.critical) return 'critical';
  if (urgency >= URGENCY_THRESHOLDS.high) return 'high';
  if (urgency >= URGENCY_THRESHOLDS.normal) return 'normal';
  return 'low';
}

function topicOf(text: string, sentiment: SentimentLabel): string {
  for (const rule of TOPIC_RULES) if (rule.pattern.test(text)) return rule.topic;
  return sentiment === 'positive' ? PRAISE_TOPIC : FALLBACK_TOPIC;
}

/** Reach adds up to 25 points, on a log scale: 10k followers ≈ 10, 1M ≈ 20. */
function reachWeight(followers: number): number {
  if (followers < 1_000) return 0;
  return Math.min(25, Math.round((Math.log10(followers) - 3) * 10 + 5));
}

function formatCount(n: number): string {
  // 999,500 rounds to "1000k": switch to millions where the thousands would round up to 1,000.
  if (n >= 999_500) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 1_000) return `${Math.round(n / 1_000)}k`;
  return String(n);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 1000) / 1000;
