import { useCallback, useState } from 'react';
import type { IncidentView } from '@lp/domain';
import { useLive } from '../live/live-data';
import { useIncidentsChanged } from '../live/use-incidents-changed';
import { oncallApi } from '../oncall/oncall-api';
import type { WallIncident } from './data/wall-alerts';

/** The wall has two alert colours: anything at error level or above is critical. */
export function toWallIncident(incident: IncidentView): WallIncident {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity === 'critical' || incident.severity === 'error' ? 'critical' : 'warning',
    startedAt: incident.openedAt,
    product: incident.product,
    symptom: incident.symptom,
  };
}

/** Unresolved incidents for the alerts panel, refetched whenever incidents change. */
export function useWallIncidents(): readonly WallIncident[] {
  const { session } = useLive();
  const [incidents, setIncidents] = useState<readonly WallIncident[]>([]);
  const reload = useCallback(() => {
    void oncallApi.incidents(session).then(
      (all) => setIncidents(all.filter((i) => i.status !== 'resolved').map(toWallIncident)),
      () => undefined,
    );
  }, [session]);
  useIncidentsChanged(reload);
  return incidents;
}
