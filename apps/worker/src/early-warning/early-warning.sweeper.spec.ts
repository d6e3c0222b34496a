import { maxSeq } from './early-warning.sweeper';

describe('maxSeq', () => {
  it('is the highest seq, wherever it sits in the batch (the cursor never steps back)', () => {
    // What a batch ordered as text looked like: '100000' sorted before '99999'.
    expect(maxSeq([{ seq: 100_000 }, { seq: 100_466 }, { seq: 95_867 }, { seq: 99_999 }], 95_866)).toBe(100_466);
  });

  it('keeps the cursor where it was when nothing was read', () => {
    expect(maxSeq([], 42)).toBe(42);
  });
});
