import { normaliseTags } from './mention';

describe('normaliseTags', () => {
  it('trims, lower-cases and turns inner whitespace into one hyphen', () => {
    expect(normaliseTags(['  Billing ', 'Router   Outage', 'ÉTÉ'])).toEqual(['billing', 'router-outage', 'été']);
  });

  it('drops empty tags and repeats, keeping the first-seen order', () => {
    expect(normaliseTags(['b', 'A', ' ', 'a', 'B ', ''])).toEqual(['b', 'a']);
  });

  it('returns an empty list for no tags', () => {
    expect(normaliseTags([])).toEqual([]);
  });
});
