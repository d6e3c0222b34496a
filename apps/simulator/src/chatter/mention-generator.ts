import { Faker, en } from '@faker-js/faker';
import { BRAND_TAGS, CITIES, FAILURES, HAPPY, MOOD_WEIGHTS, PRODUCTS, SAD, TEMPLATES, type Mood } from './phrasebook';

export interface GeneratedAuthor {
  id: string;
  username: string;
  name: string;
  followers: number;
  verified: boolean;
}

export interface GeneratedPost {
  mood: Mood;
  text: string;
  author: GeneratedAuthor;
  lang: string;
  likes: number;
  replies: number;
  reposts: number;
  quotes: number;
  /** Set on a customer's answer to a post (ours): X's referenced_tweets replied_to and in_reply_to_user_id. */
  inReplyTo?: { tweetId: string; userId: string };
}

const AUTHOR_POOL_SIZE = 2_000;

/**
 * Produces a realistic, varied stream of brand mentions. Seeded, so a test run or a demo can be
 * replayed. Authors come from a fixed pool so the same customers come back, as they do in life.
 */
export class MentionGenerator {
  private readonly faker: Faker;
  private readonly authors: GeneratedAuthor[];
  private readonly moods: Mood[];

  constructor(seed = 42) {
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
    this.authors = Array.from({ length: AUTHOR_POOL_SIZE }, (_, i) => this.makeAuthor(i));
    this.moods = (Object.entries(MOOD_WEIGHTS) as Array<[Mood, number]>).flatMap(([mood, weight]) =>
      Array<Mood>(weight).fill(mood),
    );
  }

  next(mood: Mood = this.faker.helpers.arrayElement(this.moods)): GeneratedPost {
    const f = this.faker;
    const template = f.helpers.arrayElement(TEMPLATES[mood]);
    const text = template
      .replace(/\{(\w+)\}/g, (_, key: string) => this.fill(key))
      .replace(/\s+/g, ' ')
      .trim();
    const author = f.helpers.arrayElement(this.authors);
    const reach = Math.log10(author.followers + 10);
    return {
      mood,
      text,
      author,
      lang: 'en',
      likes: f.number.int({ min: 0, max: Math.round(reach * 8) }),
      replies: f.number.int({ min: 0, max: Math.round(reach * 2) }),
      reposts: f.number.int({ min: 0, max: Math.round(reach * 3) }),
      quotes: f.number.int({ min: 0, max: 2 }),
    };
  }

  private fill(key: string): string {
    const f = this.faker;
    switch (key) {
      case 'brand':
        return f.helpers.arrayElement(BRAND_TAGS);
      case 'product':
        return f.helpers.arrayElement(PRODUCTS);
      case 'failure':
        return f.helpers.arrayElement(FAILURES);
      case 'hours':
        return String(f.number.int({ min: 2, max: 48 }));
      case 'city':
        return f.helpers.arrayElement(CITIES);
      case 'happy':
        return f.helpers.arrayElement(HAPPY);
      case 'sad':
        return f.helpers.arrayElement(SAD);
      default:
        return key;
    }
  }

  private makeAuthor(index: number): GeneratedAuthor {
    const f = this.faker;
    const first = f.person.firstName();
    const last = f.person.lastName();
    // Follower counts are heavy-tailed: most people have a few hundred, a few have millions.
    const followers = Math.round(
      10 ** f.number.float({ min: 0.5, max: 3.2 }) * (f.number.int({ max: 100 }) > 97 ? 2_000 : 1),
    );
    return {
      id: String(10_000_000 + index * 7_919),
      username: f.internet
        .username({ firstName: first, lastName: last })
        .replace(/[^A-Za-z0-9_]/g, '_')
        .slice(0, 15),
      name: `${first} ${last}`,
      followers,
      verified: followers > 100_000 || f.number.int({ max: 100 }) > 98,
    };
  }
}
