import { TweetStore } from '../x/tweet-store';
import { ChatterStream } from './chatter-stream';
import { MentionGenerator } from './mention-generator';
import { LOCALISED_TEMPLATES, type OtherLanguage } from './phrasebook';

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

  it('keeps a scripted incident on one product and symptom: every outage post names Acme Cloud being down', () => {
    const { store, chatter } = make();
    const start = Date.now();
    chatter.startScenario('outage-spike', 5, start);
    for (let i = 0; i < 10; i++) chatter.step(start + i * 100);
    const texts = newest(store, 200).map((t) => t.post.text);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.every((t) => t.includes('Acme Cloud') && /down|offline|outage|connect/.test(t))).toBe(true);

    const viral = make();
    viral.chatter.startScenario('viral-complaint', 5, start);
    for (let i = 0; i < 10; i++) viral.chatter.step(start + i * 100);
    const posts = newest(viral.store, 200);
    expect(posts.every((t) => t.post.text.includes('AcmeBook Pro') && /smok|burn/.test(t.post.text))).toBe(true);
    expect(posts.some((t) => t.post.author.followers === 850_000)).toBe(true);
  });

  it('a backlog adds, at once, posts dated over the last seconds with ids after everything before', () => {
    const { store, chatter } = make();
    chatter.emit(1);
    const before = newest(store, 1)[0]!;
    const now = Date.now();
    chatter.startScenario('backlog', 600, now);
    const added = store.search({ sinceId: before.id, maxResults: 100_000 }).tweets;
    expect(added.length).toBeGreaterThan(4_000); // 10 a second for 600 s, give or take
    const times = added.map((t) => Date.parse(t.createdAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 600_000);
    expect(Math.min(...times)).toBeLessThan(now - 590_000);
    expect(Math.max(...times)).toBeLessThan(now);
    expect(chatter.currentScenario).toBe('steady');
  });

  it('a day is quiet from midnight to 07:00, then steady', () => {
    const store = new TweetStore();
    const chatter = new ChatterStream(new MentionGenerator(3), store, 0);
    const now = Date.now();
    chatter.startScenario('day', 86_400, now);
    const hours = store
      .search({ maxResults: 100_000 })
      .tweets.map((t) => Math.floor((Date.parse(t.createdAt) - (now - 86_400_000)) / 3_600_000));
    expect(hours.length).toBeGreaterThan(10_000); // 0.2 a second for 16 hours, give or take
    expect(hours.every((h) => h >= 7 && h < 24)).toBe(true);
    expect(hours.filter((h) => h === 23).length).toBeGreaterThan(500);
  });

  it('writes about 12% of steady chatter in Spanish, French, German, Portuguese or Italian, stamped so', () => {
    const { store, chatter } = make();
    chatter.setRate(100);
    const start = Date.now();
    for (let i = 0; i < 300; i++) chatter.step(start + i * 100);
    const posts = newest(store, 100_000).map((t) => t.post);
    expect(posts.length).toBe(3_000);
    const other = posts.filter((p) => p.lang !== 'en');
    expect(other.length / posts.length).toBeGreaterThan(0.08);
    expect(other.length / posts.length).toBeLessThan(0.16);
    expect(new Set(other.map((p) => p.lang))).toEqual(new Set(['es', 'fr', 'de', 'pt', 'it']));
    expect(other.every((p) => LOCALISED_TEMPLATES[p.lang as OtherLanguage][p.mood] !== undefined)).toBe(true);
  });

  it('keeps a scripted incident in English', () => {
    const { store, chatter } = make();
    const start = Date.now();
    chatter.startScenario('outage-spike', 5, start);
    for (let i = 0; i < 10; i++) chatter.step(start + i * 100);
    expect(newest(store, 200).every((t) => t.post.lang === 'en')).toBe(true);
  });

  it("stamps scripted text 'und' unless told its language, and a scripted reach on an author of its own", () => {
    const { store, chatter } = make();
    const [und] = chatter.emit(1, undefined, { text: 'el servicio se cayó otra vez' });
    const [es] = chatter.emit(1, undefined, {
      text: 'el servicio se cayó otra vez',
      lang: 'es',
      followers: 250_000,
      verified: true,
    });
    const [fr] = chatter.emit(1, 'praise', { lang: 'fr' });
    const byId = new Map(newest(store, 10).map((t) => [t.id, t.post]));
    expect(byId.get(und!)!.lang).toBe('und');
    expect(byId.get(es!)!).toMatchObject({ lang: 'es', author: { followers: 250_000, verified: true } });
    expect(byId.get(fr!)!.lang).toBe('fr');
    expect(LOCALISED_TEMPLATES.fr.praise).toBeDefined();
    expect(byId.get(fr!)!.text).not.toMatch(/\{/);
  });
});
