import type { FacebookStore } from '../facebook/facebook-store';
import type { YouTubeContentGenerator } from '../youtube/youtube-content.generator';
import type { YouTubeStore } from '../youtube/youtube-store';

export interface AmbientTargets {
  facebook: FacebookStore;
  facebookPageId: string;
  youtube: YouTubeStore;
  youtubeContent: YouTubeContentGenerator;
}

/**
 * Keeps the Facebook page and the YouTube channel talking during a demo, at a pace tied to the steady
 * X rate (a tenth of it each), so every platform's mentions reach the screens. Off when the rate is 0:
 * tests emit exactly what they assert on.
 */
export class AmbientChatter {
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;

  constructor(
    private readonly targets: AmbientTargets,
    private readonly perSecond: () => number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.step(), 1_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  step(): void {
    const rate = this.perSecond();
    if (rate <= 0) return;
    this.ticks += 1;
    const everyTicks = Math.max(1, Math.round(10 / rate));
    if (this.ticks % everyTicks !== 0) return;
    const { facebook, facebookPageId, youtube, youtubeContent } = this.targets;
    facebook.addPosts({ pageId: facebookPageId, count: 1, commentsPerPost: this.ticks % 3 });
    youtube.addComment(youtubeContent.comment());
    if (this.ticks % (everyTicks * 6) === 0) youtube.addVideo(youtubeContent.video());
  }
}
