import { FAULT_MODES, FaultInjector, isFaultMode } from './faults';

const SEARCH = '/2/tweets/search/recent';

describe('FaultInjector', () => {
  it('returns nothing when no fault is scheduled', () => {
    expect(new FaultInjector().take(SEARCH)).toBeUndefined();
  });

  it('applies a fault exactly `times` times', () => {
    const faults = new FaultInjector();
    faults.schedule(SEARCH, 'server-error', 3);
    expect([faults.take(SEARCH), faults.take(SEARCH), faults.take(SEARCH), faults.take(SEARCH)]).toEqual([
      'server-error',
      'server-error',
      'server-error',
      undefined,
    ]);
  });

  it('applies scheduled faults in the order they were scheduled', () => {
    const faults = new FaultInjector();
    faults.schedule(SEARCH, 'rate-limit', 2);
    faults.schedule(SEARCH, 'malformed-json', 1);
    faults.schedule(SEARCH, 'slow', 2);
    const taken = Array.from({ length: 6 }, () => faults.take(SEARCH));
    expect(taken).toEqual(['rate-limit', 'rate-limit', 'malformed-json', 'slow', 'slow', undefined]);
  });

  it('keeps endpoints isolated', () => {
    const faults = new FaultInjector();
    faults.schedule(SEARCH, 'unauthorized', 1);
    faults.schedule('/other', 'missing-fields', 2);
    expect(faults.take('/unknown')).toBeUndefined();
    expect(faults.take('/other')).toBe('missing-fields');
    expect(faults.take(SEARCH)).toBe('unauthorized');
    expect(faults.take(SEARCH)).toBeUndefined();
    expect(faults.take('/other')).toBe('missing-fields');
    expect(faults.take('/other')).toBeUndefined();
  });

  it('can be scheduled again after running dry', () => {
    const faults = new FaultInjector();
    faults.schedule(SEARCH, 'slow', 1);
    faults.take(SEARCH);
    faults.schedule(SEARCH, 'server-error', 1);
    expect(faults.take(SEARCH)).toBe('server-error');
  });

  it('clear() drops every plan', () => {
    const faults = new FaultInjector();
    faults.schedule(SEARCH, 'slow', 5);
    faults.schedule('/other', 'rate-limit', 5);
    faults.clear();
    expect(faults.take(SEARCH)).toBeUndefined();
    expect(faults.take('/other')).toBeUndefined();
  });
});

describe('isFaultMode', () => {
  it('accepts every declared mode', () => {
    for (const mode of FAULT_MODES) expect(isFaultMode(mode)).toBe(true);
  });

  it.each([['nope'], ['SLOW'], [' slow'], [''], [42], [null], [undefined], [{}], [['slow']]])('rejects %p', (value) => {
    expect(isFaultMode(value)).toBe(false);
  });
});
