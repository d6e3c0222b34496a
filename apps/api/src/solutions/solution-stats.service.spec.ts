import { groupUnanswered } from './solution-stats.service';

describe('groupUnanswered', () => {
  it('groups replied mentions without a solution by topic, with their most frequent words', () => {
    const out = groupUnanswered([
      { topic: 'hardware', text: '@acme my Acme Watch strap snapped' },
      { topic: 'hardware', text: 'watch strap broke again https://t.co/x' },
      { topic: 'billing', text: 'charged twice for Acme Cloud' },
    ]);
    expect(out[0]).toMatchObject({ topic: 'hardware', replies: 2 });
    expect(out[0]!.terms.slice(0, 2)).toEqual(['strap', 'watch']);
    expect(out[1]).toMatchObject({ topic: 'billing', replies: 1 });
  });
});
