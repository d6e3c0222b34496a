import { useEffect } from 'react';
import { useLive } from './live-data';

/** Bursts of incident events arrive together; one refetch per quarter second is plenty. */
const REFETCH_EVERY_MS = 250;

/**
 * Runs `reload` now, and again whenever an incident event arrives or the socket reconnects:
 * incident events mean "something changed", and the server holds the truth.
 */
export function useIncidentsChanged(reload: () => void): void {
  const { connection } = useLive();
  useEffect(() => {
    reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = connection.onIncidentsChanged(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        reload();
      }, REFETCH_EVERY_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [connection, reload]);
}
