import type { IncidentView } from '@lp/domain';

function triggerText(incident: IncidentView): string {
  const terms = incident.terms.length ? `: ${incident.terms.slice(0, 4).join(', ')}` : '';
  const detail = incident.triggerDetails as { rule?: unknown; by?: unknown };
  if (incident.trigger === 'manual') return `escalated by ${typeof detail.by === 'string' ? detail.by : 'an agent'}`;
  if (incident.trigger === 'rule') return `rule ${typeof detail.rule === 'string' ? detail.rule : ''}`;
  // A spike's topic is its symptom, shown on its own line.
  const topic = incident.topic && incident.topic !== incident.symptom ? ` in ${incident.topic}` : '';
  return `${incident.trigger} spike${topic}${terms}`;
}

/** What a detected spike is about: "product AcmeBook Pro · symptom safety risk"; null when neither is known. */
export function incidentKeyText(incident: Pick<IncidentView, 'product' | 'symptom'>): string | null {
  const parts = [
    incident.product ? `product ${incident.product}` : null,
    incident.symptom ? `symptom ${incident.symptom}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** Incidents as rows; every piece of text is rendered as React text, never markup. */
export function IncidentList({
  incidents,
  selectedId,
  onSelect,
  onAcknowledge,
  onResolve,
  canAct,
}: {
  incidents: readonly IncidentView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onAcknowledge: (id: string) => void;
  onResolve: (id: string) => void;
  canAct: boolean;
}) {
  if (incidents.length === 0) return <p className="empty">Nothing here.</p>;
  return (
    <ul className="incidents">
      {incidents.map((i) => (
        <li key={i.id} className={`incident incident-${i.status}${i.id === selectedId ? ' selected' : ''}`}>
          <button
            type="button"
            className="incident-title"
            onClick={() => onSelect(i.id)}
            aria-pressed={i.id === selectedId}
          >
            {i.title}
          </button>
          {incidentKeyText(i) && <div className="incident-key">{incidentKeyText(i)}</div>}
          <div className="incident-meta">
            <span className={`chip level-${i.severity === 'critical' ? 'critical' : 'high'}`}>{i.severity}</span>
            <span className="chip">{i.status}</span>
            <span>{triggerText(i)}</span>
            <span>
              {i.mentionCount} mentions on {i.platforms.join(', ') || '—'}
            </span>
            <span>opened {new Date(i.openedAt).toLocaleTimeString()}</span>
            {i.ownerName && <span>owner {i.ownerName}</span>}
            {i.status !== 'resolved' && <span>step {i.escalationStep}</span>}
          </div>
          {canAct && i.status !== 'resolved' && (
            <div className="incident-actions">
              {i.status === 'open' && (
                <button type="button" onClick={() => onAcknowledge(i.id)}>
                  Acknowledge
                </button>
              )}
              <button type="button" onClick={() => onResolve(i.id)}>
                Resolve
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
