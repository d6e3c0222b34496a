import { Faker, en } from '@faker-js/faker';
import {
  BRAND_TAGS,
  CITIES,
  FAILURES,
  HAPPY,
  isOtherLanguage,
  LOCALISED_TEMPLATES,
  MOOD_WEIGHTS,
  OTHER_LANGUAGE_SHARE,
  OTHER_LANGUAGES,
  PRODUCTS,
  SAD,
  TEMPLATES,
  type Mood,
} from './phrasebook';

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

/**
 * What a scripted post keeps fixed: a scripted incident's one product and the templates of one
 * symptom instead of the mood's; the language; the author's reach.
 */
export interface PostPin {
  product?: string;
  templates?: readonly string[];
  /**
   * The post's language, stamped as X's `lang`: written from that language's templates where the
   * phrasebook has them for the mood (and a mood drawn among those), else from the English ones.
   * 'en' when left out.
   */
  lang?: string;
  /**
   * The author's reach. A post so pinned comes from an author of its own (a fresh id and handle,
   * not a pool member), so X's `includes.users` never mixes it up with the pool author's counts.
   */
  author?: { followers?: number; verified?: boolean };
}

const AUTHOR_POOL_SIZE = 2_000;
/** Ids of pinned authors start here, far above the pool's (10,000,000 + 7,919 a member). */
const PINNED_AUTHOR_BASE = 900_000_000;

/**
 * Produces a realistic, varied stream of brand mentions. Seeded, so a test run or a demo can be
 * replayed. Authors come from a fixed pool so the same customers come back, as they do in life.
 */
export class MentionGenerator {
  private readonly faker: Faker;
  private readonly authors: GeneratedAuthor[];
  private readonly moods: Mood[];
  private readonly moodsByLanguage = new Map<string, Mood[]>();
  private pinnedAuthors = 0;

  constructor(seed = 42) {
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
    this.authors = Array.from({ length: AUTHOR_POOL_SIZE }, (_, i) => this.makeAuthor(i));
    this.moods = (Object.entries(MOOD_WEIGHTS) as Array<[Mood, number]>).flatMap(([mood, weight]) =>
      Array<Mood>(weight).fill(mood),
    );
  }

  next(mood?: Mood, pin: PostPin = {}): GeneratedPost {
    const f = this.faker;
    const lang = pin.lang ?? 'en';
    const book = isOtherLanguage(lang) && !pin.templates?.length ? LOCALISED_TEMPLATES[lang] : undefined;
    const chosen = mood ?? f.helpers.arrayElement(book ? this.moodsWritten(lang, book) : this.moods);
    const templates = pin.templates?.length ? pin.templates : (book?.[chosen] ?? TEMPLATES[chosen]);
    const template = f.helpers.arrayElement(templates);
    const text = template
      .replace(/\{(\w+)\}/g, (_, key: string) => (key === 'product' && pin.product ? pin.product : this.fill(key)))
      .replace(/\s+/g, ' ')
      .trim();
    const pooled = f.helpers.arrayElement(this.authors);
    const reachPin = pin.author;
    const author =
      reachPin && (reachPin.followers !== undefined || reachPin.verified !== undefined)
        ? this.pinnedAuthor(pooled, reachPin)
        : pooled;
    const reach = Math.log10(author.followers + 10);
    return {
      mood: chosen,
      text,
      author,
      lang,
      likes: f.number.int({ min: 0, max: Math.round(reach * 8) }),
      replies: f.number.int({ min: 0, max: Math.round(reach * 2) }),
      reposts: f.number.int({ min: 0, max: Math.round(reach * 3) }),
      quotes: f.number.int({ min: 0, max: 2 }),
    };
  }

  /** The language of a post of steady chatter: English, or for OTHER_LANGUAGE_SHARE of them one of the others. */
  steadyLanguage(): string {
    const f = this.faker;
    return f.number.float({ min: 0, max: 1 }) < OTHER_LANGUAGE_SHARE ? f.helpers.arrayElement(OTHER_LANGUAGES) : 'en';
  }

  /** The weighted moods a language has templates for. */
  private moodsWritten(lang: string, book: Partial<Record<Mood, string[]>>): Mood[] {
    let moods = this.moodsByLanguage.get(lang);
    if (!moods) {
      moods = this.moods.filter((m) => book[m]?.length);
      this.moodsByLanguage.set(lang, moods);
    }
    return moods;
  }

  private pinnedAuthor(pooled: GeneratedAuthor, reach: NonNullable<PostPin['author']>): GeneratedAuthor {
    this.pinnedAuthors += 1;
    const suffix = this.pinnedAuthors.toString(36);
    return {
      ...pooled,
      id: String(PINNED_AUTHOR_BASE + this.pinnedAuthors),
      username: `${pooled.username.slice(0, 14 - suffix.length)}_${suffix}`,
      followers: reach.followers ?? pooled.followers,
      verified: reach.verified ?? pooled.verified,
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
