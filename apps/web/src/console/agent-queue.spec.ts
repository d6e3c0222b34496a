import type { MentionView } from '@lp/domain';
import { agentQueue, authorHistory, DEFAULT_FILTERS, waited } from './agent-queue';

function m(id: string, patch: Partial<MentionView>): MentionView {
  return {
    id,
    platform: 'x',
    topic: 'outage',
    urgency: 50,
    urgencyLevel: 'normal',
    status: 'new',
    claim: null,
    postedAt: '2026-12-01T12:00:00.000Z',
    author: { externalId: 'a1', handle: 'ada', name: 'Ada', followers: 1, verified: false },
    ...patch,
  } as MentionView;
}

describe('agentQueue', () => {
  const mentions = [
    m('low-old', { urgency: 10, postedAt: '2026-12-01T10:00:00.000Z' }),
    m('high-new', { urgency: 90, postedAt: '2026-12-01T12:00:00.000Z' }),
    m('high-old', { urgency: 90, postedAt: '2026-12-01T11:00:00.000Z' }),
    m('done', { urgency: 99, status: 'replied' }),
    m('mine', { urgency: 60, status: 'claimed', claim: { userId: 'me', name: 'Me', expiresAt: '' } }),
    m('theirs', {
      urgency: 70,
      status: 'claimed',
      claim: { userId: 'bo', name: 'Bo', expiresAt: '' },
      platform: 'youtube',
    }),
  ];

  it('orders open mentions by urgency, then by how long they have waited', () => {
    expect(agentQueue(mentions, DEFAULT_FILTERS, 'me').map((x) => x.id)).toEqual([
      'high-old',
      'high-new',
      'theirs',
      'mine',
      'low-old',
    ]);
  });

  it('filters by scope, platform and level', () => {
    expect(agentQueue(mentions, { ...DEFAULT_FILTERS, scope: 'mine' }, 'me').map((x) => x.id)).toEqual(['mine']);
    expect(agentQueue(mentions, { ...DEFAULT_FILTERS, scope: 'unclaimed' }, 'me').map((x) => x.id)).toEqual([
      'high-old',
      'high-new',
      'low-old',
    ]);
    expect(agentQueue(mentions, { ...DEFAULT_FILTERS, platform: 'youtube' }, 'me').map((x) => x.id)).toEqual([
      'theirs',
    ]);
    expect(agentQueue(mentions, { ...DEFAULT_FILTERS, level: 'critical' }, 'me')).toEqual([]);
  });
});

describe('authorHistory and waited', () => {
  it("lists the author's other mentions on the same platform", () => {
    const list = [
      m('1', {}),
      m('2', {}),
      m('3', { platform: 'facebook' }),
      m('4', { author: { externalId: 'b' } as never }),
    ];
    expect(authorHistory(list, list[0]!).map((x) => x.id)).toEqual(['2']);
  });

  it('says how long someone has waited', () => {
    const t = Date.parse('2026-12-01T12:00:00.000Z');
    expect(waited('2026-12-01T11:59:15.000Z', t)).toBe('45s');
    expect(waited('2026-12-01T10:55:00.000Z', t)).toBe('1h 5m');
    expect(waited('2026-11-28T12:00:00.000Z', t)).toBe('3d');
  });
});
