import { bestF1Threshold, INNER_FOLDS, innerFold } from './model-selection';

describe('bestF1Threshold', () => {
  it('finds the cut that separates the classes', () => {
    expect(bestF1Threshold([0, 0, 1, 1], [0.1, 0.3, 0.62, 0.9])).toBeCloseTo(0.31);
  });
});

describe('innerFold', () => {
  it('spreads ids over every fold, the same way each time', () => {
    const folds = Array.from({ length: 1_000 }, (_, i) => innerFold(String(570_000_000 + i)));
    expect(new Set(folds).size).toBe(INNER_FOLDS);
    expect(folds.filter((f) => f === 0).length).toBeGreaterThan(150);
    expect(innerFold('570306133677760513')).toBe(innerFold('570306133677760513'));
  });
});
