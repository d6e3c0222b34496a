import { useEffect, useState } from 'react';
import { useLive } from '../live/live-data';
import { DeliveryTable } from './delivery-table';
import { oncallApi, type IncidentDetail as Detail } from './oncall-api';

/** One incident's timeline and pages; refetched whenever the incident list changes. */
export function IncidentDetail({ id, version }: { id: string; version: number }) {
  const { session } = useLive();
  const [detail, setDetail] = useState<Detail | null>(null);
  useEffect(() => {
    let live = true;
    void oncallApi.incident(session, id).then(
      (d) => live && setDetail(d),
      () => live && setDetail(null),
    );
    return () => {
      live = false;
    };
  }, [session, id, version]);
  if (!detail) return <p className="empty">Loading…</p>;
  return (
    <section aria-label="Incident detail" className="incident-detail">
      {(detail.incident.product || detail.incident.symptom) && (
        <dl className="incident-about">
          <dt>Product</dt>
          <dd>{detail.incident.product ?? '—'}</dd>
          <dt>Symptom</dt>
          <dd>{detail.incident.symptom ?? '—'}</dd>
        </dl>
      )}
      <h3>Timeline</h3>
      <ol className="timeline">
        {detail.timeline.map((t) => (
          <li key={t.id}>
            <time dateTime={t.at}>{new Date(t.at).toLocaleTimeString()}</time> {t.kind}
            {typeof t.details.target === 'string' ? ` → ${t.details.target}` : ''}
            {typeof t.details.via === 'string' ? ` (via ${t.details.via})` : ''}
          </li>
        ))}
      </ol>
      <h3>Pages</h3>
      <DeliveryTable deliveries={detail.deliveries} />
    </section>
  );
}
