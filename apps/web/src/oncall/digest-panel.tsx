import { useEffect, useState } from 'react';
import type { DigestView } from '@lp/domain';
import { useLive } from '../live/live-data';
import { oncallApi } from './oncall-api';

/** The latest shift handover digest, and a button to make one now. */
export function DigestPanel({ canMake }: { canMake: boolean }) {
  const { session } = useLive();
  const [digest, setDigest] = useState<DigestView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void oncallApi.digests(session).then(
      (d) => setDigest(d[0] ?? null),
      (e: Error) => setError(e.message),
    );
  }, [session]);
  const make = () => void oncallApi.makeDigest(session).then(setDigest, (e: Error) => setError(e.message));
  const s = digest?.summary;
  return (
    <section aria-label="Shift handover" className="oncall-section">
      <h2>Shift handover</h2>
      {canMake && (
        <button type="button" onClick={make}>
          Make a digest of the last shift
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {s ? (
        <dl className="digest">
          <dt>Shift</dt>
          <dd>
            {new Date(s.periodStart).toLocaleString()} – {new Date(s.periodEnd).toLocaleString()}
          </dd>
          <dt>Mentions</dt>
          <dd>
            {s.mentions} (negative {s.sentiment.negative}, neutral {s.sentiment.neutral}, positive{' '}
            {s.sentiment.positive})
          </dd>
          <dt>Incidents</dt>
          <dd>
            {s.incidentsOpened} opened, {s.openIncidents.length} still open
          </dd>
          <dt>SLA breaches</dt>
          <dd>{s.slaBreaches}</dd>
          <dt>Unanswered critical</dt>
          <dd>{s.unansweredCritical}</dd>
        </dl>
      ) : (
        <p className="empty">No digest yet.</p>
      )}
    </section>
  );
}
