import type { SourceView } from '@lp/domain';
import { ago, fixtureMention, T0 } from './mention-fixture';
import { unclaimedQueue } from './urgent-mentions';
import { wallAlerts } from './wall-alerts';

const failing = {
  id: 's1',
  name: 'X search',
  health: 'failing',
  healthReason: 'X refused the credentials',
} as SourceView;
const silent = { id: 's2', name: 'Blog feed', health: 'silent', healthReason: 'no mention for 40 min' } as SourceView;
const throttled = { id: 's3', name: 'YouTube', health: 'throttled', healthReason: 'quota' } as SourceView;

describe('wallAlerts', () => {
  const none = { critical: 0, oldestCriticalAt: null };
  const base = { unclaimedCritical: none, sources: [], sla: null, incidents: [], now: T0, max: 6 };

  it('is empty when all is well', () => {
    expect(wallAlerts(base)).toEqual([]);
  });

  it('raises critical unclaimed mentions, SLA breaches, failing and silent sources, critical first', () => {
    const alerts = wallAlerts({
      ...base,
      unclaimedCritical: unclaimedQueue(
        [
          fixtureMention({ id: 'c1', postedAt: ago(3), urgencyLevel: 'critical' }),
          fixtureMention({ id: 'c2', postedAt: ago(9), urgencyLevel: 'critical' }),
          fixtureMention({
            id: 'c3',
            postedAt: ago(1),
            urgencyLevel: 'critical',
            status: 'claimed',
            claim: { userId: 'u', name: 'Kim', expiresAt: ago(-5) },
          }),
        ],
        0,
      ),
      sources: [silent, failing, throttled],
      sla: {
        open: 9,
        breaching: 2,
        oldest: { mentionId: 'c2', urgencyLevel: 'critical', waitingS: 540 },
        basis: 'server',
      },
    });
    expect(alerts).toEqual([
      {
        key: 'critical-unclaimed',
        severity: 'critical',
        title: '2 critical mentions unclaimed',
        detail: 'oldest waiting 9m',
      },
      {
        key: 'sla-breaching',
        severity: 'critical',
        title: '2 mentions past the response target',
        detail: 'oldest waiting 9m',
      },
      { key: 'source:s1', severity: 'critical', title: 'X search failing', detail: 'X refused the credentials' },
      { key: 'source:s2', severity: 'warning', title: 'Blog feed silent', detail: 'no mention for 40 min' },
    ]);
  });

  it('shows incidents fed to it, and sums up what does not fit', () => {
    const alerts = wallAlerts({
      ...base,
      max: 2,
      sources: [silent, failing],
      incidents: [
        { id: 'i1', title: 'Spike: outage', severity: 'critical', startedAt: ago(4), product: null, symptom: null },
      ],
    });
    expect(alerts.map((a) => a.title)).toEqual(['Spike: outage', 'and 2 more']);
  });

  it("names a spike's product and symptom beside how long it has been open", () => {
    const [alert] = wallAlerts({
      ...base,
      incidents: [
        {
          id: 'i2',
          title: 'AcmeBook Pro: safety risk',
          severity: 'critical',
          startedAt: ago(4),
          product: 'AcmeBook Pro',
          symptom: 'safety risk',
        },
      ],
    });
    expect(alert).toMatchObject({ title: 'AcmeBook Pro: safety risk' });
    expect(alert!.detail).toMatch(/^AcmeBook Pro · safety risk · incident open for /);
  });
});
