import type { TweetStore } from '../x/tweet-store';
import type { MentionGenerator } from './mention-generator';
import type { Mood } from './phrasebook';
import { SCENARIO_EFFECTS, type ScenarioName } from './scenarios';

const TICK_MS = 100;

/** Overrides for scripted scenarios and tests (e.g. hostile text that must render inert). */
export interface PostScript {
  text?: string;
  authorName?: string;
  followers?: number;
  verified?: boolean;
}

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

  /** Adds `count` posts now, optionally with scripted text or author name; returns their ids, oldest first. */
  emit(count: number, mood?: Mood, script: PostScript = {}): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const post = this.generator.next(mood);
      if (script.text !== undefined) post.text = script.text;
      if (script.authorName !== undefined) post.author = { ...post.author, name: script.authorName };
      if (script.followers !== undefined) post.author = { ...post.author, followers: script.followers };
      if (script.verified !== undefined) post.author = { ...post.author, verified: script.verified };
      ids.push(this.store.add(post).id);
    }
    return ids;
  }

  /** Runs a scenario for `seconds`, then returns to steady chatter. */
  startScenario(name: ScenarioName, seconds: number, now = Date.now()): void {
    this.scenario = { name, until: name === 'steady' ? Infinity : now + seconds * 1000 };
    for (const post of SCENARIO_EFFECTS[name].opening ?? []) {
      this.emit(1, post.mood, { text: post.text, followers: post.followers, verified: post.verified });
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
      this.emit(1, mood);
    }
  }
}
