import type { EngagementMetrics, MentionScores, RawMention, SentimentLabel } from '@lp/domain';
import { COVERED_LANGUAGES, detectLanguage, normaliseLang, UNDETERMINED } from './language';
import { LinearModel } from './linear-model';
import { ModelReader } from './model-reader';
import type { TopicRule } from './topic-rules';
import { TopicClassifier } from './topics/topic-classifier';
import {
  formatCount,
  logPoints,
  matchingIntents,
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
  /** A brand's own topic rules: where one matches (first match wins) it beats the topic model. */
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
  private readonly reader: ModelReader;
  private readonly policy: UrgencyPolicy;
  private readonly topics: TopicClassifier;
  private readonly vipHandles: ReadonlySet<string>;

  constructor(options: TrainedScorerOptions = {}) {
    this.model = options.model ?? defaultModel();
    this.reader = new ModelReader(this.model);
    this.policy = resolvePolicy(options.policy);
    this.topics = new TopicClassifier({ rules: options.topics });
    this.vipHandles = new Set(this.policy.vip.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
  }

  score(mention: ScorableMention, context: ScoreContext = {}): MentionScores {
    const raw = typeof mention.text === 'string' ? mention.text : '';
    const lang = normaliseLang(mention.platformLang) ?? detectLanguage(raw);
    // Text without letters (emoji only, empty) is scored: emoji carry tone in any language.
    const covered = COVERED_LANGUAGES.has(lang) || lang === UNDETERMINED;

    let sentiment: SentimentLabel = 'neutral';
    let sentimentScore = 0;
    let complaint = 0;
    let driver: string | undefined;
    if (covered) {
      const reading = this.reader.read(raw, lang);
      const [neg, neu, pos] = reading.probs;
      sentiment = neg >= neu && neg >= pos ? 'negative' : pos > neu ? 'positive' : 'neutral';
      sentimentScore = pos - neg;
      complaint = reading.complaint;
      if (reading.driver) driver = excerpt(raw.slice(reading.driver.start, reading.driver.end));
    }

    const text = raw.length > MAX_RULE_CHARS ? raw.slice(0, MAX_RULE_CHARS) : raw;
    const { urgency, reasons } = this.urgency(mention, context, text, sentiment, sentimentScore, complaint);
    // A long post names the part that drove its tone, so an agent need not read all of it.
    if (driver !== undefined && (sentiment === 'negative' || complaint >= this.policy.complaint.minProbability)) {
      reasons.push(`most negative part: "${driver}"`);
    }
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

    for (const rule of matchingIntents(p.intents, text)) add(rule.reason, rule.weight);
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
    return this.topics.classify(text, sentiment);
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

/** A window's text on one line, cut at a word near 80 characters. */
function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
