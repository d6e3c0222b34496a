import type { SourceView } from '@lp/domain';
import { shortDuration } from './format';
import type { SlaBoard } from './sla-board';
import type { UnclaimedQueue } from './urgent-mentions';

/**
 * An incident as the wall shows it. Incidents (spike detection, on-call) arrive with another
 * issue; its events feed `incidents` into `wallAlerts` and nothing else here changes.
 */
export interface WallIncident {
  id: string;
  title: string;
  severity: 'critical' | 'warning';
  startedAt: string;
  /** What a detected spike is about (null for a rule's or an agent's incident). */
  product: string | null;
  symptom: string | null;
}

export interface WallAlert {
  /** Stable across refreshes, so React keeps the row. */
  key: string;
  severity: 'critical' | 'warning';
  title: string;
  detail: string | null;
}

export interface WallAlertInputs {
  /** Critical mentions nobody holds (from unclaimedQueue, which already walked the store). */
  unclaimedCritical: Pick<UnclaimedQueue, 'critical' | 'oldestCriticalAt'>;
  sources: readonly SourceView[];
  sla: SlaBoard | null;
  incidents: readonly WallIncident[];
  now: number;
  /** The panel has room for so many; the rest are summed up in the last line. */
  max: number;
}

/** What needs someone now, most serious first, never more than `max` lines. */
export function wallAlerts(input: WallAlertInputs): WallAlert[] {
  const alerts: WallAlert[] = [];
  for (const incident of input.incidents) {
    alerts.push({
      key: `incident:${incident.id}`,
      severity: incident.severity,
      title: incident.title,
      detail: [
        incident.product,
        incident.symptom,
        `incident open for ${shortDuration((input.now - Date.parse(incident.startedAt)) / 1000)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    });
  }

  const { critical, oldestCriticalAt: oldestCritical } = input.unclaimedCritical;
  if (critical > 0) {
    alerts.push({
      key: 'critical-unclaimed',
      severity: 'critical',
      title: `${critical} critical ${critical === 1 ? 'mention' : 'mentions'} unclaimed`,
      detail: oldestCritical
        ? `oldest waiting ${shortDuration((input.now - Date.parse(oldestCritical)) / 1000)}`
        : null,
    });
  }

  if (input.sla && input.sla.breaching > 0) {
    const n = input.sla.breaching;
    alerts.push({
      key: 'sla-breaching',
      severity: 'critical',
      title: `${n} ${n === 1 ? 'mention' : 'mentions'} past the response target`,
      detail: input.sla.oldest ? `oldest waiting ${shortDuration(input.sla.oldest.waitingS)}` : null,
    });
  }

  for (const s of input.sources) {
    if (s.health !== 'failing' && s.health !== 'silent') continue;
    alerts.push({
      key: `source:${s.id}`,
      severity: s.health === 'failing' ? 'critical' : 'warning',
      title: `${s.name} ${s.health}`,
      detail: s.healthReason,
    });
  }

  alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  if (alerts.length <= input.max) return alerts;
  const shown = alerts.slice(0, Math.max(0, input.max - 1));
  const rest = alerts.length - shown.length;
  return [...shown, { key: 'more', severity: 'warning', title: `and ${rest} more`, detail: null }];
}
