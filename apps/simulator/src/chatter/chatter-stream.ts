import type { TweetStore } from '../x/tweet-store';
import type { MentionGenerator } from './mention-generator';
import type { PostPin } from './mention-generator';
import { INCIDENT_TEMPLATES, type Mood } from './phrasebook';
import { dayShape, MAX_BACKDATED, SCENARIO_EFFECTS, type ScenarioEffect, type ScenarioName } from './scenarios';

const TICK_MS = 100;

/** Overrides for scripted scenarios and tests (e.g. hostile text that must render inert). */
export interface PostScript {
  /** The post's text instead of a generated one: X's `lang` is then `lang`, or 'und' (X cannot tell). */
  text?: string;
  /** X's `lang` for the post (a generated one is written in it where the phrasebook has the language). */
  lang?: string;
  authorName?: string;
  /** The author's reach: the post comes from an author of its own with it (see PostPin.author). */
  followers?: number;
  verified?: boolean;
  /** Pins the product and the templates (a scripted incident). */
  pin?: PostPin;
  /** When the post says it was made (epoch ms); now if left out. */
  postedAt?: number;
}

const pinOf = (effect: ScenarioEffect): PostPin | undefined =>
  effect.incident
    ? { product: effect.incident.product, templates: INCIDENT_TEMPLATES[effect.incident.symptom] }
    : undefined;

/** Feeds generated posts into the store at a steady rate, plus bursts on request. */
export class ChatterStream {
  private timer: NodeJS.Timeout | undefined;
  private carry = 0;
  private scenario: { name: ScenarioName; until: number } = { name: 'steady', until: Infinity };

  constructor(
    private readonly generator: MentionGenerator,
    private readonly store: TweetStore,
    private perSecond: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.step(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  setRate(perSecond: number): void {
    this.perSecond = perSecond;
  }

  get rate(): number {
    return this.perSecond;
  }

  /**
   * Adds `count` posts now, optionally with scripted text, language, author name or reach; returns
   * their ids, oldest first.
   */
  emit(count: number, mood?: Mood, script: PostScript = {}): string[] {
    const ids: string[] = [];
    const pin: PostPin = {
      ...script.pin,
      ...(script.lang !== undefined && script.text === undefined ? { lang: script.lang } : {}),
      ...(script.followers !== undefined || script.verified !== undefined
        ? { author: { followers: script.followers, verified: script.verified } }
        : {}),
    };
    for (let i = 0; i < count; i++) {
      const post = this.generator.next(mood, pin);
      if (script.text !== undefined) {
        post.text = script.text;
        post.lang = script.lang ?? 'und';
      }
      if (script.authorName !== undefined) post.author = { ...post.author, name: script.authorName };
      const now = Date.now();
      ids.push(this.store.add(post, now, script.postedAt ?? now).id);
    }
    return ids;
  }

  /** Runs a scenario for `seconds`, then returns to steady chatter (a backdated one adds its posts and changes nothing else). */
  startScenario(name: ScenarioName, seconds: number, now = Date.now()): void {
    const effect = SCENARIO_EFFECTS[name];
    if (effect.backdated) {
      this.backdate(effect, seconds, now);
      return;
    }
    this.scenario = { name, until: name === 'steady' ? Infinity : now + seconds * 1000 };
    for (const post of effect.opening ?? []) {
      this.emit(1, post.mood, {
        text: post.text,
        followers: post.followers,
        verified: post.verified,
        pin: pinOf(effect),
      });
    }
  }

  /**
   * Steady chatter dated over [now - seconds, now), oldest first, at the steady rate (or the
   * scenario's least), shaped by the hour for `day` (whose midnight is `now - seconds`). Arrivals are
   * random (exponential gaps), as live chatter's are.
   */
  private backdate(effect: ScenarioEffect, seconds: number, now: number): void {
    const rate = Math.max(this.perSecond, effect.minBaseRate ?? 0) * effect.rateFactor;
    if (rate <= 0) return;
    const start = now - seconds * 1000;
    let t = start;
    for (let n = 0; n < MAX_BACKDATED;) {
      t += (-Math.log(1 - Math.random()) / rate) * 1000;
      if (t >= now) break;
      const hour = Math.floor((t - start) / 3_600_000) % 24;
      if (effect.backdated === 'day' && Math.random() >= dayShape(hour)) continue;
      this.emit(1, undefined, { postedAt: Math.floor(t) });
      n++;
    }
  }

  get currentScenario(): ScenarioName {
    return this.scenario.name;
  }

  /** One timer tick's worth of chatter at `now` (the timer calls it; tests drive it with their own clock). */
  step(now = Date.now()): void {
    if (now >= this.scenario.until) this.scenario = { name: 'steady', until: Infinity };
    const effect = SCENARIO_EFFECTS[this.scenario.name];
    this.carry += (Math.max(this.perSecond, effect.minBaseRate ?? 0) * effect.rateFactor * TICK_MS) / 1000;
    const due = Math.floor(this.carry);
    this.carry -= due;
    for (let i = 0; i < due; i++) {
      const mood = effect.moods ? effect.moods[Math.floor(Math.random() * effect.moods.length)] : undefined;
      // Steady chatter (any mood) is sometimes in another language; a scenario's chosen moods stay English.
      const pin = pinOf(effect) ?? (mood === undefined ? { lang: this.generator.steadyLanguage() } : undefined);
      this.emit(1, mood, { pin });
    }
  }
}
