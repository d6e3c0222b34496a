import { BUCKETS, Featurizer, type FeatureOptions, MAX_FEATURE_CHARS, SCRIPTS } from './features';
import { combine, fnv1a } from './hashing';

const featurizer = new Featurizer();

/** A copy of the active buckets (the featurizer reuses its arrays). */
function buckets(text: string): Set<number> {
  const f = featurizer.extract(text);
  return new Set(Array.from(f.idx.subarray(0, f.n)));
}

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('combines without collisions on swapped arguments', () => {
    expect(combine(1, 2)).not.toBe(combine(2, 1));
  });
});

describe('Featurizer', () => {
  it('keeps every bucket inside the hashed space and every value finite', () => {
    const f = featurizer.extract('@acme your app CRASHED again!!! sooo bad :( https://t.co/x #fail 😡');
    expect(f.n).toBeGreaterThan(0);
    for (let k = 0; k < f.n; k++) {
      expect(f.idx[k]).toBeGreaterThanOrEqual(0);
      expect(f.idx[k]).toBeLessThan(BUCKETS);
      expect(Number.isFinite(f.val[k])).toBe(true);
    }
  });

  it('normalises @mentions and URLs to one token each', () => {
    expect(buckets('@delta thanks http://a.example/1')).toEqual(buckets('@united thanks https://b.example/2?x=1'));
  });

  it('marks words after a negator up to the next punctuation', () => {
    // "good" is negated in the first text only; after the comma the scope is closed.
    expect(buckets('not good, fine')).not.toEqual(buckets('not, good fine'));
    expect(featurizer.extract('this is not good').afinnSum).toBeLessThan(0);
    expect(featurizer.extract('this is good').afinnSum).toBeGreaterThan(0);
    expect(featurizer.extract("it isn't bad. it is great").afinnSum).toBeGreaterThan(0);
  });

  it('scores the lexicon, intensifiers, emoji and emoticons', () => {
    expect(featurizer.extract('very good').afinnSum).toBeGreaterThan(featurizer.extract('good').afinnSum);
    expect(featurizer.extract('😡').emojiSum).toBeLessThan(0);
    expect(featurizer.extract('🙂 :)').emojiSum).toBeGreaterThan(0);
    expect(featurizer.extract('meh :(').emojiSum).toBeLessThan(0);
  });

  it('reads elongated and capitalised words as their plain forms plus style features', () => {
    const plain = buckets('so good');
    const loud = buckets('SOOOOO GOOD!!!');
    const shared = [...plain].filter((b) => loud.has(b));
    expect(shared.length).toBeGreaterThan(0);
    expect(loud.size).toBeGreaterThan(plain.size);
  });

  it('counts letters per script for language detection', () => {
    const f = featurizer.extract('Привет мир שלום');
    expect(f.scripts[SCRIPTS.indexOf('cyrillic')]).toBe(9);
    expect(f.scripts[SCRIPTS.indexOf('hebrew')]).toBe(4);
  });

  it('reads only the first 2,000 characters', () => {
    const head = 'x '.repeat(MAX_FEATURE_CHARS / 2);
    expect(buckets(`${head}terrible`)).toEqual(buckets(head));
  });

  it('is deterministic across instances', () => {
    const a = buckets('the update bricked my phone');
    expect(
      new Set(Array.from(new Featurizer().extract('the update bricked my phone').idx.subarray(0, a.size))),
    ).toEqual(a);
  });
});

describe('Featurizer domain-robustness switches', () => {
  const base: FeatureOptions = { wordScale: 1, charScale: 1, denseScale: 1 };
  const robust = new Featurizer({ ...base, skipLeadingMentions: true, skipStopwordUnigrams: true, skipUrls: true });
  const plain = new Featurizer(base);
  const active = (f: Featurizer, text: string) => {
    const x = f.extract(text);
    return new Set(Array.from(x.idx.subarray(0, x.n)));
  };

  it('drops the @handles a post opens with, but not those inside it', () => {
    expect(active(robust, '@united @delta the seat was great')).toEqual(active(robust, 'the seat was great'));
    expect(active(plain, '@united the seat was great')).not.toEqual(active(plain, 'the seat was great'));
    expect(active(robust, 'great seat, thanks @united')).not.toEqual(active(robust, 'great seat, thanks'));
  });

  it('drops links', () => {
    expect(active(robust, 'great seat https://t.co/abc')).toEqual(active(robust, 'great seat'));
    expect(active(plain, 'great seat https://t.co/abc')).not.toEqual(active(plain, 'great seat'));
  });

  it('drops function-word unigrams but keeps their bigrams and every other word', () => {
    const switched = new Featurizer({ ...base, skipStopwordUnigrams: true });
    expect(switched.extract('the').n).toBeLessThan(plain.extract('the').n);
    expect(switched.extract('refund').n).toBe(plain.extract('refund').n);
    expect(active(switched, 'the seat')).not.toEqual(active(switched, 'seat'));
  });
});
