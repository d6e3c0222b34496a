import type { Router } from 'express';
import { MentionGenerator } from '../chatter/mention-generator';
import type { FaultInjector } from '../faults';
import { YouTubeContentGenerator } from './youtube-content.generator';
import { PageTokens } from './youtube-page-token';
import { YouTubeQuotaCounter } from './youtube-quota';
import { youtubeRouter, type YouTubeRouterDeps } from './youtube.routes';
import { YouTubeStore } from './youtube-store';

export interface YouTubeSimOptions {
  faults: FaultInjector;
  seed?: number;
  /** The simulated project's allocation; defaults to YouTube's 10,000 units and 100 searches a day. */
  dailyQuotaUnits?: number;
  searchCallsPerDay?: number;
  credentials?: YouTubeRouterDeps['credentials'];
  slowMs?: number;
  now?: () => Date;
}

export interface YouTubeSim {
  router: Router;
  store: YouTubeStore;
  quota: YouTubeQuotaCounter;
  tokens: PageTokens;
  /** For the simulator's `/__sim/reset`. */
  reset(): void;
  /** For the simulator's `/__sim/state`. */
  state(): Record<string, unknown>;
}

/** Wires the YouTube fake's parts together, so the simulator app mounts one router and adds two hooks. */
export function createYouTubeSim(options: YouTubeSimOptions): YouTubeSim {
  const now = options.now ?? (() => new Date());
  const store = new YouTubeStore(now);
  const quota = new YouTubeQuotaCounter(
    { dailyUnits: options.dailyQuotaUnits ?? 10_000, searchCallsPerDay: options.searchCallsPerDay ?? 100 },
    now,
  );
  const tokens = new PageTokens();
  const stats = { youtubeRequests: 0 };
  const router = youtubeRouter({
    store,
    quota,
    tokens,
    faults: options.faults,
    generator: new YouTubeContentGenerator(new MentionGenerator(options.seed)),
    credentials: options.credentials,
    slowMs: options.slowMs,
    stats,
  });
  return {
    router,
    store,
    quota,
    tokens,
    reset: () => {
      store.clear();
      quota.reset();
      tokens.expireAll();
      stats.youtubeRequests = 0;
    },
    state: () => ({ ...store.counts(), quota: quota.state(), youtubeRequests: stats.youtubeRequests }),
  };
}
