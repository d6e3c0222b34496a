import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MentionView } from '@lp/domain';
import { LiveConnection, type ConnectionState } from './live-connection';
import { MentionStore } from './mention-store';

/** A banner only after this long: a blip during a deploy should not flash the whole wall. */
const STALE_AFTER_MS = 1_500;

export interface LiveMentions {
  mentions: readonly MentionView[];
  state: ConnectionState;
  /** True once the connection has been down longer than STALE_AFTER_MS. */
  stale: boolean;
}

export function useLiveMentions(capacity: number): LiveMentions {
  const store = useMemo(() => new MentionStore({ capacity }), [capacity]);
  const connection = useMemo(() => new LiveConnection(store), [store]);
  const mentions = useSyncExternalStore(store.subscribe, store.snapshot);
  const [state, setState] = useState<ConnectionState>(connection.state);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    const off = connection.onState(setState);
    connection.start();
    return () => {
      off();
      connection.stop();
    };
  }, [connection]);

  useEffect(() => {
    if (state === 'live') {
      setStale(false);
      return;
    }
    const timer = setTimeout(() => setStale(true), STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return { mentions, state, stale };
}
