import { completeSlaTargets, DEFAULT_SLA_TARGETS_S } from './sla';

describe('completeSlaTargets', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(completeSlaTargets(undefined)).toEqual(DEFAULT_SLA_TARGETS_S);
    expect(completeSlaTargets(null)).toEqual(DEFAULT_SLA_TARGETS_S);
    expect(completeSlaTargets('garbage')).toEqual(DEFAULT_SLA_TARGETS_S);
  });

  it('keeps stored levels and fills the missing ones with their defaults', () => {
    expect(completeSlaTargets({ critical: 5, high: 120 })).toEqual({
      critical: 5,
      high: 120,
      normal: DEFAULT_SLA_TARGETS_S.normal,
      low: DEFAULT_SLA_TARGETS_S.low,
    });
  });

  it('ignores malformed values (fractions, zero, strings, beyond 30 days) and unknown keys', () => {
    const targets = completeSlaTargets({ critical: 1.5, high: 0, normal: '60', low: 31 * 86_400, extra: 7 });
    expect(targets).toEqual(DEFAULT_SLA_TARGETS_S);
    expect(targets).not.toHaveProperty('extra');
  });

  it('does not let a caller mutate the defaults through the result', () => {
    completeSlaTargets({}).critical = 1;
    expect(DEFAULT_SLA_TARGETS_S.critical).toBe(900);
  });
});
