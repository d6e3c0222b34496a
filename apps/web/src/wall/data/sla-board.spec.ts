import type { SlaCounts, SlaSummary } from '@lp/domain';
import { ago, fixtureMention, T0 } from './mention-fixture';
import { slaBoardFromMentions, slaBoardFromSummary } from './sla-board';

const counts = (total: number): SlaCounts => ({ critical: 0, high: 0, normal: total, low: 0, total });

describe('SLA board', () => {
  it('takes the server summary and moves the oldest wait on since it was fetched', () => {
    const summary: SlaSummary = {
      open: counts(7),
      breaching: counts(2),
      oldestWaiting: { mentionId: 'm', urgencyLevel: 'high', postedAt: ago(60), waitingS: 3600, dueAt: ago(0) },
      breaches: { ...counts(3), since: ago(1440), until: ago(0) },
      targetsS: { critical: 900, high: 3600, normal: 14400, low: 86400 },
    };
    expect(slaBoardFromSummary(summary, T0, T0 + 30_000)).toEqual({
      open: 7,
      breaching: 2,
      oldest: { mentionId: 'm', urgencyLevel: 'high', waitingS: 3630 },
      basis: 'server',
    });
  });

  it('counts open and breaching mentions from the store when there is no summary', () => {
    const mentions = [
      fixtureMention({ id: 'due-later', postedAt: ago(1), sla: { dueAt: ago(-10), breached: false } }),
      fixtureMention({ id: 'overdue', postedAt: ago(20), sla: { dueAt: ago(5), breached: false } }),
      fixtureMention({
        id: 'answered',
        postedAt: ago(90),
        status: 'replied',
        firstResponseAt: ago(80),
        sla: { dueAt: ago(75), breached: false },
      }),
      fixtureMention({
        id: 'claimed-breached',
        postedAt: ago(30),
        status: 'claimed',
        urgencyLevel: 'critical',
        sla: { dueAt: ago(15), breached: true },
      }),
      fixtureMention({ id: 'ignored', postedAt: ago(100), status: 'ignored' }),
    ];
    expect(slaBoardFromMentions(mentions, T0)).toEqual({
      open: 3,
      breaching: 2,
      oldest: { mentionId: 'claimed-breached', urgencyLevel: 'critical', waitingS: 1800 },
      basis: 'store',
    });
    expect(slaBoardFromMentions([], T0)).toEqual({ open: 0, breaching: 0, oldest: null, basis: 'store' });
  });
});
