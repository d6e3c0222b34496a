import { TweetStore } from '../x/tweet-store';
import { ChatterStream } from './chatter-stream';
import { MentionGenerator } from './mention-generator';

describe('ChatterStream scenarios', () => {
  const make = () => {
    const store = new TweetStore();
    return { store, chatter: new ChatterStream(new MentionGenerator(3), store, 10) };
  };
  const newest = (store: TweetStore, n: number) => store.search({ maxResults: n }).tweets;

  it('an influential author opens with verified posts from accounts with over a million followers', () => {
    const { store, chatter } = make();
    chatter.startScenario('influential-author', 60);
    const opening = newest(store, 10);
    expect(opening).toHaveLength(2);
    expect(opening.every((t) => t.post.author.verified && t.post.author.followers > 1_000_000)).toBe(true);
    expect(chatter.currentScenario).toBe('influential-author');
  });

  it('an outage spike is mostly outage and complaint moods at a multiple of the rate, then steady chatter returns', () => {
    const { store, chatter } = make();
    const start = Date.now();
    chatter.startScenario('outage-spike', 5, start);
    for (let i = 0; i < 10; i++) chatter.step(start + i * 100);
    expect(store.size).toBe(120); // 10 per second × 12, for one second
    const spike = newest(store, 100);
    expect(spike.every((t) => ['outage', 'complaint', 'churn'].includes(t.post.mood))).toBe(true);
    chatter.step(start + 6_000);
    expect(chatter.currentScenario).toBe('steady');
  });

  it('a quiet period produces nothing', () => {
    const { store, chatter } = make();
    const start = Date.now();
    chatter.startScenario('quiet', 5, start);
    for (let i = 0; i < 20; i++) chatter.step(start + i * 100);
    expect(store.size).toBe(0);
  });
});
