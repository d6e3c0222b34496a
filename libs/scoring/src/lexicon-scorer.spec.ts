import { SENTIMENT_LABELS, URGENCY_LEVELS, type MentionAuthor, type MentionScores, type RawMention } from '@lp/domain';
import { LexiconScorer } from './lexicon-scorer';

type Scorable = Pick<RawMention, 'text' | 'author' | 'platformLang'>;

function author(overrides: Partial<MentionAuthor> = {}): MentionAuthor {
  return { externalId: '1', handle: 'someone', name: 'Some One', followers: 50, verified: false, ...overrides };
}

function mention(text: string, overrides: Partial<Scorable> = {}): Scorable {
  return { text, author: author(), platformLang: 'en', ...overrides };
}

function expectInRange(scores: MentionScores): void {
  expect(SENTIMENT_LABELS).toContain(scores.sentiment);
  expect(URGENCY_LEVELS).toContain(scores.urgencyLevel);
  expect(Number.isFinite(scores.sentimentScore)).toBe(true);
  expect(scores.sentimentScore).toBeGreaterThanOrEqual(-1);
  expect(scores.sentimentScore).toBeLessThanOrEqual(1);
  expect(Number.isFinite(scores.complaint)).toBe(true);
  expect(scores.complaint).toBeGreaterThanOrEqual(0);
  expect(scores.complaint).toBeLessThanOrEqual(1);
  expect(Number.isInteger(scores.urgency)).toBe(true);
  expect(scores.urgency).toBeGreaterThanOrEqual(0);
  expect(scores.urgency).toBeLessThanOrEqual(100);
  expect(typeof scores.topic).toBe('string');
  expect(scores.topic.length).toBeGreaterThan(0);
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

describe('LexiconScorer', () => {
  const scorer = new LexiconScorer();

  it('rates a furious outage post from a big verified account as high or critical', () => {
    const scores = scorer.score(
      mention('@acme your service is down AGAIN. Total outage for hours, this is terrible and awful. I hate this!', {
        author: author({ verified: true, followers: 2_000_000 }),
      }),
    );
    expectInRange(scores);
    expect(['high', 'critical']).toContain(scores.urgencyLevel);
    expect(scores.sentiment).toBe('negative');
    expect(scores.sentimentScore).toBeLessThan(0);
    expect(scores.topic).toBe('outage');
    expect(scores.reasons).toEqual(expect.arrayContaining(['outage', 'verified author', '2.0M followers']));
    expect(scores.reasons).toContain('negative sentiment');
  });

  it('orders reasons most important first', () => {
    const scores = scorer.score(
      mention('my Acme phone is smoking and the battery is swelling', { author: author({ verified: true }) }),
    );
    expect(scores.reasons[0]).toBe('safety risk');
    expect(scores.reasons).toContain('verified author');
    expect(scores.reasons.indexOf('safety risk')).toBeLessThan(scores.reasons.indexOf('verified author'));
  });

  it('rates praise as positive, low urgency, topic praise', () => {
    const scores = scorer.score(mention('I love my new Acme Watch, it is amazing and wonderful. Thank you!'));
    expectInRange(scores);
    expect(scores.sentiment).toBe('positive');
    expect(scores.sentimentScore).toBeGreaterThan(0);
    expect(scores.urgencyLevel).toBe('low');
    expect(scores.topic).toBe('praise');
    expect(scores.complaint).toBeLessThan(0.5);
    expect(scores.reasons).toEqual([]);
  });

  it('scores a complaint as more of a complaint than praise', () => {
    const bad = scorer.score(mention('terrible, awful service, I hate it'));
    const good = scorer.score(mention('great, wonderful service, I love it'));
    expect(bad.complaint).toBeGreaterThan(good.complaint);
    expect(bad.urgency).toBeGreaterThan(good.urgency);
  });

  it('adds a followers reason only from 1,000 followers', () => {
    const few = scorer.score(mention('hello acme', { author: author({ followers: 999 }) }));
    const many = scorer.score(mention('hello acme', { author: author({ followers: 12_345 }) }));
    expect(few.reasons.some((r) => r.endsWith('followers'))).toBe(false);
    expect(many.reasons).toContain('12k followers');
    expect(many.urgency).toBeGreaterThan(few.urgency);
  });

  it.each([
    ['empty text', ''],
    ['100,000 characters', 'terrible outage '.repeat(6_250)],
    ['100,000 letters', 'a'.repeat(100_000)],
    ['binary junk', junk(5_000)],
    ['only emoji', '😡🔥💯🎉🙌😭'],
    ['only whitespace', ' \n\t '],
  ])('does not throw on %s and stays in range', (_label, text) => {
    expectInRange(scorer.score(mention(text)));
  });

  it('falls back to "und" when the platform gave no language', () => {
    expect(scorer.score(mention('hello', { platformLang: null })).lang).toBe('und');
    expect(scorer.score(mention('bonjour', { platformLang: 'fr' })).lang).toBe('fr');
  });

  it('is deterministic', () => {
    const m = mention('@acme is down again, I want a refund', { author: author({ followers: 40_000 }) });
    expect(scorer.score(m)).toEqual(new LexiconScorer().score(m));
  });
});
