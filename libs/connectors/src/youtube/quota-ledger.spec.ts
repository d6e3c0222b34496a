import { nextPacificMidnight, pacificDay } from './pacific-day';
import { DEFAULT_QUOTA_POLICY, QUOTA_COSTS, QuotaLedger, mergeQuotaStates, type QuotaPolicy } from './quota-ledger';

const at = (iso: string) => () => new Date(iso);

describe('Pacific day', () => {
  it.each([
    // PST (UTC-8)
    ['2025-01-15T18:00:00Z', '2025-01-15', '2025-01-16T08:00:00.000Z'],
    ['2025-01-16T07:59:59Z', '2025-01-15', '2025-01-16T08:00:00.000Z'],
    ['2025-01-16T08:00:00Z', '2025-01-16', '2025-01-17T08:00:00.000Z'],
    // PDT (UTC-7)
    ['2025-07-15T18:00:00Z', '2025-07-15', '2025-07-16T07:00:00.000Z'],
    ['2025-07-16T06:59:59Z', '2025-07-15', '2025-07-16T07:00:00.000Z'],
    // The day DST starts (2 a.m. 9 March 2025): midnight before it is PST, the next one PDT.
    ['2025-03-08T20:00:00Z', '2025-03-08', '2025-03-09T08:00:00.000Z'],
    ['2025-03-09T12:00:00Z', '2025-03-09', '2025-03-10T07:00:00.000Z'],
    // The day DST ends (2 a.m. 2 November 2025).
    ['2025-11-02T05:00:00Z', '2025-11-01', '2025-11-02T07:00:00.000Z'],
    ['2025-11-02T12:00:00Z', '2025-11-02', '2025-11-03T08:00:00.000Z'],
  ])('at %s the day is %s and the quota resets at %s', (now, day, reset) => {
    expect(pacificDay(new Date(now))).toBe(day);
    expect(nextPacificMidnight(new Date(now)).toISOString()).toBe(reset);
  });

  it('rolls over month and year ends', () => {
    expect(nextPacificMidnight(new Date('2025-12-31T20:00:00Z')).toISOString()).toBe('2026-01-01T08:00:00.000Z');
  });
});

describe('QuotaLedger', () => {
  const policy: QuotaPolicy = { dailyUnits: 1_000, searchCallsPerDay: 3, searchCostUnits: 0, reserveUnits: 100 };

  it('charges the documented costs', () => {
    expect(QUOTA_COSTS).toEqual({ commentThreadsList: 1, commentsInsert: 50 });
    expect(DEFAULT_QUOTA_POLICY).toEqual({
      dailyUnits: 10_000,
      searchCallsPerDay: 100,
      searchCostUnits: 0,
      reserveUnits: 500,
    });
  });

  it('stops reads at the reserve but lets replies spend it, never beyond the day', () => {
    const ledger = new QuotaLedger(
      policy,
      { day: '2025-01-15', used: 899, searchCalls: 0 },
      at('2025-01-15T18:00:00Z'),
    );
    expect(ledger.canSpend(1)).toBe(true);
    ledger.spend(1);
    expect(ledger.canSpend(1)).toBe(false);
    expect(ledger.canSpend(QUOTA_COSTS.commentsInsert, { useReserve: true })).toBe(true);
    ledger.spend(100);
    expect(ledger.canSpend(1, { useReserve: true })).toBe(false);
    expect(ledger.snapshot()).toEqual({ used: 1_000, limit: 1_000, resetAt: '2025-01-16T08:00:00.000Z' });
  });

  it('counts search.list in its own bucket by default', () => {
    const ledger = new QuotaLedger(policy, undefined, at('2025-01-15T18:00:00Z'));
    for (let i = 0; i < 3; i++) {
      expect(ledger.canSearch()).toBe(true);
      ledger.spendSearch();
    }
    expect(ledger.canSearch()).toBe(false);
    expect(ledger.state()).toEqual({ day: '2025-01-15', used: 0, searchCalls: 3 });
  });

  it('can instead charge search.list units from the pool (the older documented model)', () => {
    const ledger = new QuotaLedger({ ...policy, searchCostUnits: 100 }, undefined, at('2025-01-15T18:00:00Z'));
    for (let i = 0; i < 9; i++) ledger.spendSearch();
    expect(ledger.state().used).toBe(900);
    expect(ledger.canSearch()).toBe(false);
  });

  it('starts afresh on a new Pacific day, in winter and in summer', () => {
    let now = new Date('2025-01-16T07:59:00Z');
    const winter = new QuotaLedger(policy, { day: '2025-01-15', used: 900, searchCalls: 3 }, () => now);
    expect(winter.canSpend(1)).toBe(false);
    now = new Date('2025-01-16T08:00:00Z');
    expect(winter.canSpend(1)).toBe(true);
    expect(winter.state()).toEqual({ day: '2025-01-16', used: 0, searchCalls: 0 });

    const summer = new QuotaLedger(
      policy,
      { day: '2025-07-15', used: 900, searchCalls: 0 },
      at('2025-07-16T07:00:00Z'),
    );
    expect(summer.state()).toEqual({ day: '2025-07-16', used: 0, searchCalls: 0 });
    const stillToday = new QuotaLedger(
      policy,
      { day: '2025-07-15', used: 900, searchCalls: 0 },
      at('2025-07-16T06:59:59Z'),
    );
    expect(stillToday.state().used).toBe(900);
  });

  it('keeps JSON-safe state that a new ledger picks up (the cursor round trip)', () => {
    const first = new QuotaLedger(policy, undefined, at('2025-01-15T18:00:00Z'));
    first.spend(42);
    first.spendSearch();
    const saved = JSON.parse(JSON.stringify(first.state())) as ReturnType<QuotaLedger['state']>;
    const second = new QuotaLedger(policy, saved, at('2025-01-15T23:00:00Z'));
    expect(second.state()).toEqual({ day: '2025-01-15', used: 42, searchCalls: 1 });
  });

  it('exhausts the day when YouTube says so', () => {
    const ledger = new QuotaLedger(policy, undefined, at('2025-01-15T18:00:00Z'));
    ledger.exhaust();
    expect(ledger.canSpend(1, { useReserve: true })).toBe(false);
    expect(ledger.canSearch()).toBe(false);
  });

  it('merges two views of spending: same day takes the larger counts, otherwise the later day', () => {
    expect(
      mergeQuotaStates(
        { day: '2025-01-15', used: 10, searchCalls: 4 },
        { day: '2025-01-15', used: 60, searchCalls: 1 },
      ),
    ).toEqual({ day: '2025-01-15', used: 60, searchCalls: 4 });
    expect(
      mergeQuotaStates(
        { day: '2025-01-14', used: 900, searchCalls: 4 },
        { day: '2025-01-15', used: 1, searchCalls: 0 },
      ),
    ).toEqual({ day: '2025-01-15', used: 1, searchCalls: 0 });
    expect(mergeQuotaStates(undefined, undefined)).toBeUndefined();
  });
});
