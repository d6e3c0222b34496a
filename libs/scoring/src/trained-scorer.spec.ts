import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SENTIMENT_LABELS, URGENCY_LEVELS, type MentionAuthor, type MentionScores } from '@lp/domain';
import { BUCKETS, MAX_FEATURE_CHARS } from './features';
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
    expect(statSync(resolve(MODEL_DIR, WEIGHTS_FILE)).size).toBeLessThan(8 * 1024 * 1024);
    const model = LinearModel.load();
    expect(model.weights.length).toBe(BUCKETS * 4);
    expect(model.weights.some((w) => w !== 0)).toBe(true);
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

  it('marks languages it does not cover and scores them neutral', () => {
    const fr = scorer.score(mention('je déteste ce service, il ne marche pas du tout', { platformLang: null }));
    expect(fr.lang).toBe('fr');
    expect(fr.sentiment).toBe('neutral');
    expect(fr.sentimentScore).toBe(0);
    expect(fr.reasons).toContain(LANGUAGE_NOT_COVERED);
    expect(scorer.score(mention('bonjour', { platformLang: 'fr-CA' })).lang).toBe('fr');
    expect(scorer.score(mention('الخدمة سيئة جدا', { platformLang: null })).lang).toBe('ar');
    expect(scorer.score(mention('השירות לא עובד', { platformLang: null })).lang).toBe('he');
    expect(scorer.score(mention('love it', { platformLang: null })).lang).toBe('en');
    expect(scorer.score(mention('my router is down, el servicio no funciona', { platformLang: null })).lang).toBe('en');
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
    const head = scorer.score(mention(text.slice(0, MAX_FEATURE_CHARS), { platformLang: null }));
    expect(whole).toEqual(head);
  });

  it('scores emoji-only text by its emoji', () => {
    expect(scorer.score(mention('😡😡😡', { platformLang: null })).sentimentScore).toBeLessThan(
      scorer.score(mention('😍😍😍', { platformLang: null })).sentimentScore,
    );
  });

  it('is deterministic', () => {
    const m = mention('@acme is down again, I want a refund', { author: author({ followers: 40_000 }) });
    expect(scorer.score(m, { now: NOW })).toEqual(new TrainedScorer().score(m, { now: NOW }));
  });
});
