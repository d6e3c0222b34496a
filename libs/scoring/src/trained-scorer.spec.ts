import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SENTIMENT_LABELS, URGENCY_LEVELS, type MentionAuthor, type MentionScores } from '@lp/domain';
import { BUCKETS, Featurizer } from './features';
import { MAX_READ_CHARS } from './text-windows';
import { CARD_FILE, LinearModel, MODEL_DIR, WEIGHTS_FILE } from './linear-model';
import { LANGUAGE_NOT_COVERED, type ScorableMention, TrainedScorer } from './trained-scorer';

function author(overrides: Partial<MentionAuthor> = {}): MentionAuthor {
  return { externalId: '1', handle: 'someone', name: 'Some One', followers: 50, verified: false, ...overrides };
}

function mention(text: string, overrides: Partial<ScorableMention> = {}): ScorableMention {
  return { text, author: author(), platformLang: 'en', ...overrides };
}

function expectInRange(scores: MentionScores): void {
  expect(SENTIMENT_LABELS).toContain(scores.sentiment);
  expect(URGENCY_LEVELS).toContain(scores.urgencyLevel);
  expect(scores.sentimentScore).toBeGreaterThanOrEqual(-1);
  expect(scores.sentimentScore).toBeLessThanOrEqual(1);
  expect(scores.complaint).toBeGreaterThanOrEqual(0);
  expect(scores.complaint).toBeLessThanOrEqual(1);
  expect(Number.isInteger(scores.urgency)).toBe(true);
  expect(scores.urgency).toBeGreaterThanOrEqual(0);
  expect(scores.urgency).toBeLessThanOrEqual(100);
  expect(scores.topic.length).toBeGreaterThan(0);
  expect(scores.lang.length).toBeGreaterThan(0);
  expect(Array.isArray(scores.reasons)).toBe(true);
}

/** Deterministic pseudo-random UTF-16 junk, including control characters and lone surrogates. */
function junk(length: number): string {
  let seed = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += String.fromCharCode(seed % 65_536);
  }
  return out;
}

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('committed weights', () => {
  it('load from libs/scoring/model and are small', () => {
    expect(existsSync(resolve(MODEL_DIR, CARD_FILE))).toBe(true);
    // 2^20 buckets × 4 outputs × int16: 8 MiB, within the 30 MB a model file may take.
    expect(statSync(resolve(MODEL_DIR, WEIGHTS_FILE)).size).toBeLessThanOrEqual(8 * 1024 * 1024);
    const model = LinearModel.load();
    expect(model.weights.length).toBe(BUCKETS * 4);
    expect(model.weights.some((w) => w !== 0)).toBe(true);
  });

  it('score from their int16 form as they would from float32', () => {
    const loaded = LinearModel.load();
    const float = new LinearModel(
      loaded.weights,
      loaded.bias,
      loaded.featureOptions,
      loaded.complaintThreshold,
      loaded.complaintStack,
    );
    const features = new Featurizer(loaded.featureOptions).extract('@acme the app keeps crashing, refund me now!');
    const [fromInt16, fromFloat] = [new Float64Array(4), new Float64Array(4)];
    loaded.logits(features, fromInt16);
    float.logits(features, fromFloat);
    expect(fromInt16.some((v) => v !== 0)).toBe(true);
    for (let k = 0; k < 4; k++) expect(fromInt16[k]).toBeCloseTo(fromFloat[k], 5);
  });
});

describe('TrainedScorer', () => {
  const scorer = new TrainedScorer();

  it('rates an outage from a verified account with 2M followers as critical, and says why', () => {
    const scores = scorer.score(
      mention('@acme your service is down AGAIN. Total outage for hours, this is terrible. I hate this!', {
        author: author({ verified: true, followers: 2_000_000 }),
      }),
    );
    expectInRange(scores);
    expect(scores.urgencyLevel).toBe('critical');
    expect(scores.sentiment).toBe('negative');
    expect(scores.topic).toBe('outage');
    expect(scores.reasons).toEqual(expect.arrayContaining(['outage', 'verified author', '2.0M followers']));
    expect(scores.reasons[0]).toBe('outage');
  });

  it('tells praise from complaints', () => {
    const praise = scorer.score(mention('I love my new Acme Watch, it is amazing. Thank you so much!'));
    const complaint = scorer.score(mention('@acme I have been charged twice and nobody answers. Worst support ever'));
    expect(praise.sentiment).toBe('positive');
    expect(praise.topic).toBe('praise');
    expect(praise.urgencyLevel).toBe('low');
    expect(praise.reasons).toEqual([]);
    expect(complaint.sentiment).toBe('negative');
    expect(complaint.topic).toBe('billing');
    expect(complaint.complaint).toBeGreaterThan(praise.complaint);
    expect(complaint.urgency).toBeGreaterThan(praise.urgency);
  });

  it('scores the content, not the handle a post is addressed to', () => {
    expect(scorer.score(mention('@united I love the new seats')).sentimentScore).toBe(
      scorer.score(mention('I love the new seats')).sentimentScore,
    );
  });

  it('reads negation', () => {
    expect(scorer.score(mention('the new update is not good')).sentimentScore).toBeLessThan(
      scorer.score(mention('the new update is good')).sentimentScore,
    );
  });

  it('orders reasons most important first and explains every input', () => {
    const scores = scorer.score(
      mention('my acme phone is smoking and the battery is swelling', {
        author: author({ handle: 'BigCustomer', followers: 15_000 }),
        postedAt: new Date(NOW - 3 * 3_600_000).toISOString(),
        metrics: { likes: 900, replies: 100, reposts: 200, quotes: 0 },
      }),
      { now: NOW, priorContacts: 2 },
    );
    expect(scores.reasons[0]).toBe('safety risk');
    expect(scores.reasons).toEqual(
      expect.arrayContaining(['15k followers', '2 earlier contacts', 'waiting 3h', '567 engagements/hour']),
    );
  });

  it('takes a per-brand policy: VIP handles and thresholds', () => {
    const vipScorer = new TrainedScorer({ policy: { vip: { handles: ['@BigCustomer'] }, thresholds: { normal: 10 } } });
    const scores = vipScorer.score(mention('hello acme', { author: author({ handle: 'bigcustomer' }) }));
    expect(scores.reasons).toContain('VIP author');
    expect(scores.urgency).toBeGreaterThanOrEqual(35);
  });

  it('scores the languages it covers and marks the ones it does not', () => {
    const fr = scorer.score(mention('je déteste ce service, il ne marche pas du tout', { platformLang: null }));
    expect(fr.lang).toBe('fr');
    expect(fr.sentiment).toBe('negative');
    expect(fr.reasons).not.toContain(LANGUAGE_NOT_COVERED);
    const he = scorer.score(mention('השירות לא עובד', { platformLang: null }));
    expect(he.lang).toBe('he');
    expect(he.sentiment).toBe('neutral');
    expect(he.reasons).toContain(LANGUAGE_NOT_COVERED);
    expect(scorer.score(mention('bonjour', { platformLang: 'fr-CA' })).lang).toBe('fr');
    expect(scorer.score(mention('الخدمة سيئة جدا', { platformLang: null })).lang).toBe('ar');
    expect(scorer.score(mention('love it', { platformLang: null })).lang).toBe('en');
  });

  it.each([
    ['empty text', ''],
    ['100,000 characters', 'terrible outage '.repeat(6_250)],
    ['100,000 letters', 'a'.repeat(100_000)],
    ['binary junk', junk(5_000)],
    ['only emoji', '😡🔥💯🎉🙌😭'],
    ['only whitespace', ' \n\t '],
    ['right-to-left text', 'الخدمة لا تعمل منذ الصباح'],
    ['mixed languages', 'my 路由器 is down again, ¡qué desastre! Привет'],
  ])('does not throw on %s and stays in range', (_label, text) => {
    expectInRange(scorer.score(mention(text, { platformLang: null })));
  });

  // Bounded time without a timed test: the model and the rules read only a post's head, so a
  // 100,000-character post costs what its first few thousand characters cost.
  it.each([
    ['repeated words', 'terrible outage '.repeat(6_250)],
    ['one long letter run', 'a'.repeat(100_000)],
    ['binary junk', junk(100_000)],
  ])('scores 100,000 characters of %s as it scores their head', (_label, text) => {
    const whole = scorer.score(mention(text, { platformLang: null }));
    const head = scorer.score(mention(text.slice(0, MAX_READ_CHARS), { platformLang: null }));
    expect(whole).toEqual(head);
  });

  it('scores emoji-only text by its emoji', () => {
    expect(scorer.score(mention('😡😡😡', { platformLang: null })).sentimentScore).toBeLessThan(
      scorer.score(mention('😍😍😍', { platformLang: null })).sentimentScore,
    );
  });

  it('scores a long neutral news article as neutral, not a complaint', () => {
    const article = [
      'The company announced on Tuesday that its new line of laptops will ship in March.',
      'The devices come in three sizes and two colours, and the largest model has a 16-inch display.',
      'Prices start at 999 dollars in the United States and 1,099 euros in Europe.',
      'The firm said the laptops are assembled in Taiwan and Vietnam and sold online and in stores.',
      'Analysts expect the launch to add about two percent to revenue in the second quarter.',
      'The chief executive will present the range at a trade show in Las Vegas next week.',
      'Reviews are expected once the embargo lifts at the end of February.',
      'The company also plans to open two new offices in Singapore and Madrid later this year.',
      'Its shares closed little changed on the day, according to exchange data.',
    ].join(' ');
    const scores = scorer.score(mention(article));
    expect(article.length).toBeGreaterThan(600);
    expect(scores.sentiment).toBe('neutral');
    expect(scores.complaint).toBeLessThan(0.5);
    expect(scores.reasons).not.toContain('likely complaint');
  });

  it('weighs a word repeated fifty times as it weighs once', () => {
    for (const word of ['terrible', 'refund', 'broken']) {
      const once = scorer.score(mention(word));
      const fifty = scorer.score(mention(Array(50).fill(word).join(' ')));
      expect(Math.abs(fifty.complaint - once.complaint)).toBeLessThan(0.1);
      expect(fifty.sentiment).toBe(once.sentiment);
    }
  });

  it('names the part of a long post that drove a negative score', () => {
    const post = [
      'I bought the laptop in the spring for my studies and used it every day for lectures and notes.',
      'I mostly use it for writing, a little photo editing and video calls with my family abroad.',
      'Since the update last week the battery swelled and the case cracked, and it gets hot.',
      'Support never answered my three emails, this is the worst service I have ever had and I want a refund now.',
    ].join(' ');
    const scores = scorer.score(mention(post));
    expect(scores.sentiment).toBe('negative');
    expect(scores.reasons.find((r) => r.startsWith('most negative part: '))).toMatch(
      /^most negative part: "Support never answered my three emails, .*…"$/,
    );
    // A tweet-sized post is one part: nothing to point at.
    expect(scorer.score(mention('the battery swelled, support never answered')).reasons.join()).not.toMatch(
      /most negative part/,
    );
  });

  it('is deterministic', () => {
    const m = mention('@acme is down again, I want a refund', { author: author({ followers: 40_000 }) });
    expect(scorer.score(m, { now: NOW })).toEqual(new TrainedScorer().score(m, { now: NOW }));
  });
});

describe('TrainedScorer urgency in other languages', () => {
  const scorer = new TrainedScorer();

  it('pages on-call for a Spanish outage complaint from a verified account', () => {
    const scores = scorer.score(
      mention('el servicio se cayó otra vez, nadie responde', {
        author: author({ verified: true, followers: 250_000 }),
        platformLang: 'es',
      }),
      { now: NOW },
    );
    expectInRange(scores);
    expect(scores.urgencyLevel).toBe('critical');
    expect(scores.reasons).toEqual(expect.arrayContaining(['outage', 'nobody answers', 'verified author']));
  });

  it.each([
    ['French', 'fr', 'le site est en panne et personne ne répond'],
    ['German', 'de', 'die App funktioniert schon wieder nicht und niemand antwortet'],
    ['Arabic', 'ar', 'الخدمة لا تعمل ولا أحد يرد'],
    ['romanised Hindi', 'hi', 'app kaam nahi kar raha aur koi jawab nahi de raha'],
  ])('finds outage and nobody answers in %s', (_label, platformLang, text) => {
    const scores = scorer.score(mention(text, { platformLang }), { now: NOW });
    expect(scores.reasons).toEqual(expect.arrayContaining(['outage', 'nobody answers']));
  });

  it('scores a language it does not cover from reach and waiting time, and says so', () => {
    const scores = scorer.score(
      mention('de app werkt al de hele ochtend niet, wat is hier aan de hand?', {
        author: author({ followers: 200_000 }),
        platformLang: 'nl',
        postedAt: new Date(NOW - 2 * 3_600_000).toISOString(),
      }),
      { now: NOW },
    );
    expectInRange(scores);
    expect(scores.lang).toBe('nl');
    expect(scores.reasons).toEqual(['200k followers', 'waiting 2h', LANGUAGE_NOT_COVERED]);
    expect(scores.urgency).toBeGreaterThanOrEqual(40);
    expect(scores.urgencyLevel).toBe('normal');
  });

  it('adds a VIP author to an uncovered language, never a silent floor', () => {
    const scores = scorer.score(
      mention('アプリが朝からずっと使えません。どうなっていますか？', {
        author: author({ followers: 50_000 }),
        platformLang: 'ja',
      }),
      { now: NOW, vip: true, waitedMinutes: 120 },
    );
    expect(scores.lang).toBe('ja');
    expect(scores.reasons).toEqual(['VIP author', '50k followers', 'waiting 2h', LANGUAGE_NOT_COVERED]);
    expect(scores.urgencyLevel).toBe('high');
  });
});
