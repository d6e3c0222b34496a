import http from 'node:http';
import express from 'express';
import { AmbientChatter } from './chatter/ambient-chatter';
import { ChatterStream } from './chatter/chatter-stream';
import { MentionGenerator } from './chatter/mention-generator';
import { FacebookStore, facebookRouter } from './facebook/facebook.routes';
import { FaultInjector } from './faults';
import { FeedStore } from './feeds/feed-store';
import { feedRouter } from './feeds/feed.routes';
import { controlRouter } from './control.route';
import { FixedWindowRateLimiter } from './x/rate-limiter';
import { TweetStore } from './x/tweet-store';
import { xReplyRouter, type RecordedReply } from './x/x-reply.route';
import { YouTubeContentGenerator } from './youtube/youtube-content.generator';
import { createYouTubeSim } from './youtube/youtube-sim';
import { xSearchRouter } from './x/x-search.route';
import { xFollowUpRouter } from './x/x-follow-up.route';

export interface SimulatorOptions {
  /** Steady chatter, mentions per second (0 for none: tests emit exactly what they need). */
  rate: number;
  xRateLimit: number;
  seed?: number;
}

export interface Simulator {
  server: http.Server;
  chatter: ChatterStream;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const store = new TweetStore();
  const generator = new MentionGenerator(options.seed);
  const chatter = new ChatterStream(generator, store, options.rate);
  const faults = new FaultInjector();
  const limiter = new FixedWindowRateLimiter(options.xRateLimit);
  const stats = { searchRequests: 0, feedRequests: 0 };
  // Separate generators, so adding a platform does not change the seeded X chatter sequence.
  const facebookStore = new FacebookStore(new MentionGenerator((options.seed ?? 42) + 2));
  const youtube = createYouTubeSim({ faults, seed: (options.seed ?? 42) + 3 });
  const ambient = new AmbientChatter(
    {
      facebook: facebookStore,
      facebookPageId: '448000000000001',
      youtube: youtube.store,
      youtubeContent: new YouTubeContentGenerator(new MentionGenerator((options.seed ?? 42) + 4)),
    },
    () => chatter.rate,
  );
  const feedStore = new FeedStore(new MentionGenerator((options.seed ?? 42) + 1), {
    growEveryMs: options.rate > 0 ? 60_000 : 0,
  });
  const xReplies: RecordedReply[] = [];

  const app = express();
  app.disable('x-powered-by');
  app.use(xSearchRouter({ store, limiter, faults, stats }));
  app.use(xReplyRouter({ store, faults, replies: xReplies }));
  app.use(feedRouter({ store: feedStore, faults, stats }));
  app.use(facebookRouter({ store: facebookStore, faults }));
  // The official YouTube client ignores any path in rootUrl, so this router sits at the root.
  app.use(youtube.router);
  // Its own generator, so follow-ups do not shift the seeded chatter sequence.
  app.use(xFollowUpRouter({ store, replies: xReplies, generator: new MentionGenerator((options.seed ?? 42) + 5) }));
  app.get('/__sim/x/replies', (_req, res) => {
    res.json({ items: xReplies });
  });
  app.use(
    controlRouter({
      chatter,
      faults,
      reset: () => {
        store.clear();
        faults.clear();
        limiter.reset();
        stats.searchRequests = 0;
        xReplies.length = 0;
        feedStore.clear();
        facebookStore.clear();
        youtube.reset();
        stats.feedRequests = 0;
      },
      state: () => ({ tweets: store.size, rate: chatter.rate, scenario: chatter.currentScenario, ...stats }),
    }),
  );
  app.use((_req, res) => {
    res
      .status(404)
      .type('application/problem+json')
      .send(JSON.stringify({ title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' }));
  });

  const server = http.createServer(app);
  return {
    server,
    chatter,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          chatter.start();
          ambient.start();
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        chatter.stop();
        ambient.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
