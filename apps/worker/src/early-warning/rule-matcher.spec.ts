import type { SignalMention } from '@lp/persistence';
import { matchesMention } from './rule-matcher';

const mention = (over: Partial<SignalMention> = {}): SignalMention => ({
  id: 'm1',
  seq: 1,
  platform: 'x',
  text: 'My Acme Router keeps dropping wifi',
  topic: 'connectivity',
  sentiment: 'negative',
  urgencyLevel: 'high',
  authorFollowers: 120,
  authorVerified: false,
  ...over,
});

describe('matchesMention', () => {
  it('matches urgency at the level or above', () => {
    expect(matchesMention({ kind: 'urgency', level: 'high' }, mention())).toBe(true);
    expect(matchesMention({ kind: 'urgency', level: 'high' }, mention({ urgencyLevel: 'critical' }))).toBe(true);
    expect(matchesMention({ kind: 'urgency', level: 'critical' }, mention())).toBe(false);
  });

  it('matches VIP authors by followers', () => {
    expect(matchesMention({ kind: 'vip', minFollowers: 100_000 }, mention())).toBe(false);
    expect(matchesMention({ kind: 'vip', minFollowers: 100_000 }, mention({ authorFollowers: 2_000_000 }))).toBe(true);
  });

  it('matches keywords case-insensitively and ignores blank ones', () => {
    expect(matchesMention({ kind: 'keyword', keywords: ['WIFI'] }, mention())).toBe(true);
    expect(matchesMention({ kind: 'keyword', keywords: ['  ', 'battery'] }, mention())).toBe(false);
  });

  it('leaves incident and volume rules to the detector', () => {
    expect(matchesMention({ kind: 'incident' }, mention())).toBe(false);
    expect(matchesMention({ kind: 'volume', perMinute: 1 }, mention())).toBe(false);
    expect(matchesMention({ kind: 'sla_breach' }, mention())).toBe(true);
  });
});
