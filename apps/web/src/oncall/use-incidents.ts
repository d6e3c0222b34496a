import { useCallback, useState } from 'react';
import type { DeliveryView, IncidentView } from '@lp/domain';
import { useLive } from '../live/live-data';
import { useIncidentsChanged } from '../live/use-incidents-changed';
import { oncallApi } from './oncall-api';

/** Incidents and recent pages, refetched whenever incidents change. */
export function useIncidents(): {
  incidents: IncidentView[];
  deliveries: DeliveryView[];
  error: string | null;
  version: number;
  reload: () => void;
} {
  const { session } = useLive();
  const [incidents, setIncidents] = useState<IncidentView[]>([]);
  const [deliveries, setDeliveries] = useState<DeliveryView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => {
    void Promise.all([oncallApi.incidents(session), oncallApi.deliveries(session)]).then(
      ([i, d]) => {
        setIncidents(i);
        setDeliveries(d);
        setError(null);
        setVersion((v) => v + 1);
      },
      (e: Error) => setError(e.message),
    );
  }, [session]);

  useIncidentsChanged(reload);

  return { incidents, deliveries, error, version, reload };
}
