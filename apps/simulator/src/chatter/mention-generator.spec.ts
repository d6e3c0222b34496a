import { MentionGenerator, type GeneratedPost } from './mention-generator';
import { LOCALISED_TEMPLATES, MOOD_WEIGHTS, OTHER_LANGUAGES, TEMPLATES, type Mood } from './phrasebook';

const MOODS = Object.keys(MOOD_WEIGHTS) as Mood[];
const KNOWN_PLACEHOLDERS = new Set(['brand', 'product', 'failure', 'hours', 'city', 'happy', 'sad']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for the text a template can produce: fixed words in order, anything where a placeholder was. */
function templatePattern(template: string): RegExp {
  const pieces = template.split(/\{\w+\}/).map((p) => escape(p.trim()).replace(/\s+/g, '\\s+'));
  return new RegExp(`^${pieces.join('.*')}$`, 's');
}

function matchesTemplateOf(mood: Mood, text: string, templates: readonly string[] = TEMPLATES[mood]): boolean {
  return templates.some((t) => templatePattern(t).test(text));
}

function take(gen: MentionGenerator, n: number): GeneratedPost[] {
  return Array.from({ length: n }, () => gen.next());
}

describe('MentionGenerator', () => {
  const posts = take(new MentionGenerator(42), 2_000);

  it('replays the same sequence for the same seed', () => {
    expect(take(new MentionGenerator(7), 50)).toEqual(take(new MentionGenerator(7), 50));
  });

  it('produces different sequences for different seeds', () => {
    const a = take(new MentionGenerator(1), 50).map((p) => p.text);
    const b = take(new MentionGenerator(2), 50).map((p) => p.text);
    expect(a).not.toEqual(b);
    const same = a.filter((text, i) => text === b[i]).length;
    expect(same).toBeLessThan(25);
  });

  it('varies its texts: more than 1,000 distinct among 2,000 posts', () => {
    expect(new Set(posts.map((p) => p.text)).size).toBeGreaterThan(1_000);
  });

  it('produces every mood', () => {
    const seen = new Set(posts.map((p) => p.mood));
    for (const mood of MOODS) expect(seen).toContain(mood);
  });

  it('draws moods roughly in proportion to their weights', () => {
    const complaints = posts.filter((p) => p.mood === 'complaint').length;
    const safety = posts.filter((p) => p.mood === 'safety').length;
    expect(complaints).toBeGreaterThan(safety * 3);
  });

  it('writes each post from a template of its own mood', () => {
    for (const post of posts) expect(matchesTemplateOf(post.mood, post.text)).toBe(true);
  });

  it.each(MOODS)('honours a requested mood (%s)', (mood) => {
    const gen = new MentionGenerator(3);
    for (let i = 0; i < 30; i++) {
      const post = gen.next(mood);
      expect(post.mood).toBe(mood);
      expect(matchesTemplateOf(mood, post.text)).toBe(true);
    }
  });

  it('never leaves a {placeholder} in the text, nor stray whitespace', () => {
    for (const post of posts) {
      expect(post.text).not.toMatch(/\{\w*\}/);
      expect(post.text).toBe(post.text.trim());
      expect(post.text).not.toMatch(/\s{2,}/);
      expect(post.text.length).toBeGreaterThan(0);
    }
  });

  it('uses only placeholders the generator knows how to fill', () => {
    const used = [...Object.values(TEMPLATES), ...OTHER_LANGUAGES.flatMap((l) => Object.values(LOCALISED_TEMPLATES[l]))]
      .flat()
      .flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(KNOWN_PLACEHOLDERS).toContain(key);
  });

  it('fills in plausible authors and engagement', () => {
    for (const post of posts) {
      expect(post.lang).toBe('en'); // unless a language is pinned: see below
      expect(post.author.id).toMatch(/^[0-9]+$/);
      expect(post.author.username).toMatch(/^[A-Za-z0-9_]{1,15}$/);
      expect(post.author.followers).toBeGreaterThanOrEqual(0);
      for (const n of [post.likes, post.replies, post.reposts, post.quotes]) {
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }
    }
    // Authors come from a pool, so some come back.
    expect(new Set(posts.map((p) => p.author.id)).size).toBeLessThan(posts.length);
  });

  it.each(OTHER_LANGUAGES)("writes a post pinned to %s from that language's templates, stamped with it", (lang) => {
    const gen = new MentionGenerator(11);
    const book = LOCALISED_TEMPLATES[lang];
    const written = new Set<Mood>();
    for (let i = 0; i < 200; i++) {
      const post = gen.next(undefined, { lang });
      expect(post.lang).toBe(lang);
      expect(book[post.mood]).toBeDefined();
      expect(matchesTemplateOf(post.mood, post.text, book[post.mood])).toBe(true);
      expect(post.text).not.toMatch(/\{\w*\}/);
      written.add(post.mood);
    }
    expect([...written].sort()).toEqual((Object.keys(book) as Mood[]).sort());
  });

  it('stamps a pinned language it has no templates for (or a mood it lacks) on English text', () => {
    const gen = new MentionGenerator(11);
    const dutch = gen.next('complaint', { lang: 'nl' });
    expect(dutch.lang).toBe('nl');
    expect(matchesTemplateOf('complaint', dutch.text)).toBe(true);
    const safety = gen.next('safety', { lang: 'es' });
    expect(safety.lang).toBe('es');
    expect(matchesTemplateOf('safety', safety.text)).toBe(true);
  });

  it("keeps English for a pinned incident's templates", () => {
    const post = new MentionGenerator(11).next('outage', { product: 'Acme Cloud', templates: ['{product} is down'] });
    expect(post).toMatchObject({ text: 'Acme Cloud is down', lang: 'en' });
  });

  it('chooses another language for about 12% of steady chatter, each of them', () => {
    const gen = new MentionGenerator(13);
    const langs = Array.from({ length: 5_000 }, () => gen.steadyLanguage());
    const other = langs.filter((l) => l !== 'en');
    expect(other.length / langs.length).toBeGreaterThan(0.1);
    expect(other.length / langs.length).toBeLessThan(0.15);
    expect(new Set(other)).toEqual(new Set(OTHER_LANGUAGES));
  });

  it('gives a post with a pinned reach an author of its own', () => {
    const gen = new MentionGenerator(11);
    const a = gen.next('outage', { author: { followers: 250_000, verified: true } });
    const b = gen.next('outage', { author: { followers: 250_000 } });
    expect(a.author).toMatchObject({ followers: 250_000, verified: true });
    expect(b.author.followers).toBe(250_000);
    expect(a.author.id).not.toBe(b.author.id);
    const pool = new Set(posts.map((p) => p.author.id));
    expect(pool.has(a.author.id) || pool.has(b.author.id)).toBe(false);
    for (const author of [a.author, b.author]) expect(author.username).toMatch(/^[A-Za-z0-9_]{1,15}$/);
    // No reach pinned: a pool author, as before.
    expect(gen.next('outage', { author: {} }).author.id).toMatch(/^[0-9]{8}$/);
  });
});
