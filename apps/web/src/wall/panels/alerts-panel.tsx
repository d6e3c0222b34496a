import { memo } from 'react';
import type { WallAlert } from '../data/wall-alerts';

export interface AlertsPanelProps {
  alerts: readonly WallAlert[];
}

/** What needs someone now. A calm line when nothing does, so an empty panel never looks broken. */
export const AlertsPanel = memo(function AlertsPanel({ alerts }: AlertsPanelProps) {
  if (alerts.length === 0) return <p className="wall-calm wall-all-clear">All clear</p>;
  return (
    <ul className="wall-alerts" role="list">
      {alerts.map((a) => (
        <li key={a.key} className={`wall-alert severity-${a.severity}`} data-alert={a.key}>
          <span className="wall-alert-title">{a.title}</span>
          {a.detail && <span className="wall-alert-detail">{a.detail}</span>}
        </li>
      ))}
    </ul>
  );
});
