import { SnowflakeGenerator } from './snowflake';

const TWITTER_EPOCH = 1_288_834_974_657;
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('SnowflakeGenerator', () => {
  it('puts the milliseconds since the Twitter epoch in the high bits', () => {
    const id = BigInt(new SnowflakeGenerator().next(NOW));
    expect(id >> 22n).toBe(BigInt(NOW - TWITTER_EPOCH));
  });

  it('returns decimal strings that fit X id syntax', () => {
    const id = new SnowflakeGenerator().next(NOW);
    expect(id).toMatch(/^[0-9]{1,19}$/);
  });

  it('is strictly increasing as time moves on', () => {
    const gen = new SnowflakeGenerator();
    const a = BigInt(gen.next(NOW));
    const b = BigInt(gen.next(NOW + 1));
    const c = BigInt(gen.next(NOW + 1_000));
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
  });

  it('is strictly increasing within the same millisecond', () => {
    const gen = new SnowflakeGenerator();
    const values = Array.from({ length: 1_000 }, () => BigInt(gen.next(NOW)));
    for (let i = 1; i < values.length; i++) expect(values[i]! > values[i - 1]!).toBe(true);
    expect(new Set(values).size).toBe(values.length);
  });

  it('stays strictly increasing when the clock goes backwards', () => {
    const gen = new SnowflakeGenerator();
    const first = BigInt(gen.next(NOW));
    const back = BigInt(gen.next(NOW - 60_000));
    const backAgain = BigInt(gen.next(NOW - 120_000));
    expect(back).toBeGreaterThan(first);
    expect(backAgain).toBeGreaterThan(back);
    // Once the clock catches up, ids follow the clock again.
    const later = BigInt(gen.next(NOW + 5_000));
    expect(later).toBeGreaterThan(backAgain);
    expect(later >> 22n).toBe(BigInt(NOW + 5_000 - TWITTER_EPOCH));
  });

  it('keeps separate generators independent', () => {
    const a = new SnowflakeGenerator();
    const b = new SnowflakeGenerator();
    a.next(NOW);
    a.next(NOW);
    expect(b.next(NOW)).toBe(new SnowflakeGenerator().next(NOW));
  });
});
