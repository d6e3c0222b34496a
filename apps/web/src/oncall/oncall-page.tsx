import { useEffect, useState } from 'react';
import type { OnCallNow } from '@lp/domain';
import { useLive } from '../live/live-data';
import { DeliveryTable } from './delivery-table';
import { DigestPanel } from './digest-panel';
import { EscalationSettings } from './escalation-settings';
import { IncidentDetail } from './incident-detail';
import { IncidentList } from './incident-list';
import { oncallApi } from './oncall-api';
import { useIncidents } from './use-incidents';
import './oncall.css';

/** A shift holder by name; an id the server could not name (no such user) never shows raw. */
const holder = (id: string | null, name: string | null) => (id ? (name ?? 'unknown user') : '—');

/** On-call: open incidents and what triggered them, acknowledge and resolve, history, pages, handover. */
export function OncallPage() {
  const { session, user } = useLive();
  const { incidents, deliveries, error, version, reload } = useIncidents();
  const [selected, setSelected] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [now, setNow] = useState<OnCallNow[]>([]);
  const canAct = ['oncall', 'manager', 'admin'].includes(user.role);
  const canEdit = ['manager', 'admin'].includes(user.role);

  useEffect(() => {
    void oncallApi.onCallNow(session).then(setNow, () => setNow([]));
  }, [session, version]);

  const act = (action: (id: string) => Promise<unknown>) => (id: string) =>
    void action(id).then(
      () => {
        setActionError(null);
        reload();
      },
      (e: Error) => setActionError(e.message),
    );
  const open = incidents.filter((i) => i.status !== 'resolved');
  const history = incidents.filter((i) => i.status === 'resolved');
  const listProps = {
    selectedId: selected,
    onSelect: setSelected,
    onAcknowledge: act((id) => oncallApi.acknowledge(session, id)),
    onResolve: act((id) => oncallApi.resolve(session, id)),
    canAct,
  };

  return (
    <div className="page oncall-page">
      <div className="page-header">
        <h1>On-call</h1>
        <span className="count">{open.length} open</span>
      </div>
      {(error ?? actionError) && <p role="alert">{error ?? actionError}</p>}
      <section aria-label="On call now" className="oncall-section">
        <h2>On call now</h2>
        {now.length === 0 ? (
          <p className="empty">No rotation yet.</p>
        ) : (
          <ul>
            {now.map((r) => (
              <li key={r.rotationId}>
                {r.name}: primary {holder(r.primary, r.primaryName)}, secondary {holder(r.secondary, r.secondaryName)}
                {r.primary === user.id || r.secondary === user.id ? ' (you)' : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Open incidents" className="oncall-section">
        <h2>Open incidents</h2>
        <IncidentList incidents={open} {...listProps} />
      </section>
      {selected && <IncidentDetail id={selected} version={version} />}
      <section aria-label="Pages" className="oncall-section">
        <h2>Recent pages</h2>
        <DeliveryTable deliveries={deliveries} />
      </section>
      <section aria-label="History" className="oncall-section">
        <h2>History</h2>
        <IncidentList incidents={history} {...listProps} />
      </section>
      <DigestPanel canMake={canAct} />
      <EscalationSettings canEdit={canEdit} />
    </div>
  );
}
