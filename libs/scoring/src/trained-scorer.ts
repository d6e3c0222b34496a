import type { EngagementMetrics, MentionScores, RawMention, SentimentLabel } from '@lp/domain';
import { Featurizer } from './features';
import { COVERED_LANGUAGES, detectLanguage, normaliseLang } from './language';
import { COMPLAINT_OUTPUT, LinearModel, sigmoid, softmax3 } from './linear-model';
import { FALLBACK_TOPIC, PRAISE_TOPIC, TOPIC_RULES, type TopicRule } from './topic-rules';
import {
  formatCount,
  logPoints,
  type PartialPolicy,
  resolvePolicy,
  type UrgencyPolicy,
  urgencyLevel,
} from './urgency-policy';

/** What the scorer reads from a mention: text, author and language; metrics and time when known. */
export type ScorableMention = Pick<RawMention, 'text' | 'author' | 'platformLang'> &
  Partial<Pick<RawMention, 'metrics' | 'postedAt'>>;

/** Facts about a mention that live outside it, supplied by the caller when it knows them. */
export interface ScoreContext {
  /** "Now" for velocity and waiting time (default: the clock). */
  now?: Date | number;
  /** Earlier open contacts from the same author. */
  priorContacts?: number;
  /** Minutes the author has already waited (default: since postedAt). */
  waitedMinutes?: number;
  /** The author is on a VIP list kept elsewhere (in addition to the policy's handles). */
  vip?: boolean;
}

export interface TrainedScorerOptions {
  policy?: PartialPolicy;
  topics?: readonly TopicRule[];
  /** Defaults to the committed weights, loaded once per process. */
  model?: LinearModel;
}

/** Text matched by the rules (topic, intent): the same head the model reads. */
const MAX_RULE_CHARS = 2_000;
export const LANGUAGE_NOT_COVERED = 'language not covered';

let sharedModel: LinearModel | undefined;
/** The committed weights, read synchronously on first use and shared by every scorer in the process. */
export function defaultModel(): LinearModel {
  sharedModel ??= LinearModel.load();
  return sharedModel;
}

/**
 * Scores mentions with the trained model (sentiment softmax and complaint logistic regression over
 * hashed n-gram and lexicon features), keyword topics, a language check and an explained urgency.
 */
export class TrainedScorer {
  private readonly model: LinearModel;
  private readonly featurizer: Featurizer;
  private readonly policy: UrgencyPolicy;
  private readonly topics: readonly TopicRule[];
  private readonly vipHandles: ReadonlySet<string>;
  private readonly logits = new Float64Array(4);
  private readonly probs = new Float64Array(3);

  constructor(options: TrainedScorerOptions = {}) {
    this.model = options.model ?? defaultModel();
    this.featurizer = new Featurizer(this.model.featureOptions);
    this.policy = resolvePolicy(options.policy);
    this.topics = options.topics ?? TOPIC_RULES;
    this.vipHandles = new Set(this.policy.vip.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
  }

  score(mention: ScorableMention, context: ScoreContext = {}): MentionScores {
    const raw = typeof mention.text === 'string' ? mention.text : '';
    const features = this.featurizer.extract(raw);
    const lang = normaliseLang(mention.platformLang) ?? detectLanguage(features);
    // Text without letters (emoji only, empty) is scored: emoji carry tone in any language.
    const covered = COVERED_LANGUAGES.has(lang) || features.words === 0;

    let sentiment: SentimentLabel = 'neutral';
    let sentimentScore = 0;
    let complaint = 0;
    if (covered) {
      this.model.logits(features, this.logits);
      softmax3(this.logits, this.probs);
      const [neg, neu, pos] = this.probs;
      sentiment = neg >= neu && neg >= pos ? 'negative' : pos > neu ? 'positive' : 'neutral';
      sentimentScore = pos - neg;
      complaint = sigmoid(this.logits[COMPLAINT_OUTPUT]);
    }

    const text = raw.length > MAX_RULE_CHARS ? raw.slice(0, MAX_RULE_CHARS) : raw;
    const { urgency, reasons } = this.urgency(mention, context, text, sentiment, sentimentScore, complaint);
    if (!covered) reasons.push(LANGUAGE_NOT_COVERED);
    return {
      sentiment,
      sentimentScore: round(sentimentScore),
      complaint: round(complaint),
      urgency,
      urgencyLevel: urgencyLevel(urgency, this.policy.thresholds),
      topic: this.topicOf(text, sentiment),
      lang,
      reasons,
    };
  }

  private urgency(
    mention: ScorableMention,
    context: ScoreContext,
    text: string,
    sentiment: SentimentLabel,
    sentimentScore: number,
    complaint: number,
  ): { urgency: number; reasons: string[] } {
    const p = this.policy;
    const parts: Array<{ reason: string; points: number }> = [];
    const add = (reason: string, points: number) => {
      if (points > 0) parts.push({ reason, points });
    };

    for (const rule of p.intents) if (rule.pattern.test(text)) add(rule.reason, rule.weight);
    if (complaint >= p.complaint.minProbability) add('likely complaint', Math.round(p.complaint.weight * complaint));
    if (sentiment === 'negative') add('negative sentiment', Math.round(p.negativeSentiment.weight * -sentimentScore));

    const author = mention.author as ScorableMention['author'] | undefined;
    const handle = (author?.handle ?? '').replace(/^@/, '').toLowerCase();
    if (context.vip === true || (handle !== '' && this.vipHandles.has(handle))) add('VIP author', p.vip.points);
    if (author?.verified === true) add('verified author', p.verifiedAuthor);
    const followers = Number(author?.followers ?? 0);
    add(`${formatCount(followers)} followers`, logPoints(followers, p.reach, p.reach.minFollowers));

    const now = context.now === undefined ? Date.now() : Number(context.now);
    const posted = mention.postedAt ? Date.parse(mention.postedAt) : NaN;
    const ageMinutes = Number.isFinite(posted) ? Math.max(0, (now - posted) / 60_000) : undefined;
    if (mention.metrics) {
      const perHour = engagements(mention.metrics) / (Math.max(15, ageMinutes ?? 60) / 60);
      add(`${formatCount(perHour)} engagements/hour`, logPoints(perHour, p.velocity, p.velocity.minPerHour));
    }
    const prior = Math.max(0, Math.floor(context.priorContacts ?? 0));
    if (prior > 0) {
      add(
        prior === 1 ? '1 earlier contact' : `${prior} earlier contacts`,
        Math.min(p.repeatContact.max, prior * p.repeatContact.perContact),
      );
    }
    const waited = context.waitedMinutes ?? ageMinutes ?? 0;
    if (waited >= p.waited.minMinutes) {
      add(`waiting ${formatWait(waited)}`, Math.min(p.waited.max, Math.round((waited / 60) * p.waited.perHour)));
    }

    // Most important first; ties keep the order above (intent before tone before reach).
    parts.sort((a, b) => b.points - a.points);
    const total = p.base + parts.reduce((sum, r) => sum + r.points, 0);
    return { urgency: Math.max(0, Math.min(100, Math.round(total))), reasons: parts.map((r) => r.reason) };
  }

  private topicOf(text: string, sentiment: SentimentLabel): string {
    for (const rule of this.topics) if (rule.pattern.test(text)) return rule.topic;
    return sentiment === 'positive' ? PRAISE_TOPIC : FALLBACK_TOPIC;
  }
}

function engagements(m: Partial<EngagementMetrics>): number {
  const n = (v: number | undefined) => (typeof v === 'number' && v > 0 ? v : 0);
  return n(m.likes) + 2 * n(m.replies) + 3 * (n(m.reposts) + n(m.quotes));
}

function formatWait(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)}h`;
  return `${Math.round(minutes / 1_440)} days`;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
