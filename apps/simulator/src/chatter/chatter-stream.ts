import type { TweetStore } from '../x/tweet-store';
import type { MentionGenerator } from './mention-generator';
import type { Mood } from './phrasebook';

const TICK_MS = 100;

/** Overrides for scripted scenarios and tests (e.g. hostile text that must render inert). */
export interface PostScript {
  text?: string;
  authorName?: string;
}

/** Feeds generated posts into the store at a steady rate, plus bursts on request. */
export class ChatterStream {
  private timer: NodeJS.Timeout | undefined;
  private carry = 0;

  constructor(
    private readonly generator: MentionGenerator,
    private readonly store: TweetStore,
    private perSecond: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
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
      ids.push(this.store.add(post).id);
    }
    return ids;
  }

  private tick(): void {
    this.carry += (this.perSecond * TICK_MS) / 1000;
    const due = Math.floor(this.carry);
    this.carry -= due;
    if (due > 0) this.emit(due);
  }
}
