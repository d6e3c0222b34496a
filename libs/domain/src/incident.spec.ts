import { completeEarlyWarning, DEFAULT_EARLY_WARNING } from './incident';

describe('completeEarlyWarning', () => {
  it('fills settings a stored row lacks from the defaults', () => {
    expect(completeEarlyWarning(undefined)).toEqual(DEFAULT_EARLY_WARNING);
    expect(completeEarlyWarning({ enabled: false, minCount: 4 })).toEqual({
      ...DEFAULT_EARLY_WARNING,
      enabled: false,
      minCount: 4,
    });
  });

  it('drops the settings older versions stored, so they are never echoed', () => {
    const out = completeEarlyWarning({
      enabled: true,
      baselineMinutes: 20,
      termWindowS: 120,
      termMinCount: 10,
      termRatio: 5,
      groupWindowS: 1_800,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys(DEFAULT_EARLY_WARNING).sort());
    expect(out).not.toHaveProperty('termWindowS');
    expect(out).not.toHaveProperty('groupWindowS');
    expect(out.baselineMinutes).toBe(20);
  });

  it('keeps a stored catalogue and brand, and ignores values of the wrong type', () => {
    const out = completeEarlyWarning({ products: ['Widget One'], brand: 'Widgets', minHistoryMinutes: '5' });
    expect(out.products).toEqual(['Widget One']);
    expect(out.brand).toBe('Widgets');
    expect(out.minHistoryMinutes).toBe(DEFAULT_EARLY_WARNING.minHistoryMinutes);
    expect(completeEarlyWarning({ products: [1, 2] }).products).toEqual(DEFAULT_EARLY_WARNING.products);
  });

  it('does not share the default catalogue with its callers', () => {
    completeEarlyWarning(undefined).products.push('Mutated');
    expect(DEFAULT_EARLY_WARNING.products).not.toContain('Mutated');
  });
});
