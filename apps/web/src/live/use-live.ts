import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MentionView, SourceView } from '@lp/domain';
import type { Session } from '../auth/session';
import { LiveConnection, type ConnectionState } from './live-connection';
import { MentionStore } from './mention-store';
import { SourceHealthStore } from './source-health-store';

/** A banner only after this long: a blip during a deploy should not flash the whole wall. */
const STALE_AFTER_MS = 1_500;

export interface LiveMentions {
  mentions: readonly MentionView[];
  sources: readonly SourceView[];
  state: ConnectionState;
  /** True once the connection has been down longer than STALE_AFTER_MS. */
  stale: boolean;
}

export function useLiveMentions(session: Session, capacity: number): LiveMentions {
  const store = useMemo(() => new MentionStore({ capacity }), [capacity]);
  const sourceStore = useMemo(() => new SourceHealthStore(), []);
  const connection = useMemo(() => new LiveConnection(session, store, sourceStore), [session, store, sourceStore]);
  const mentions = useSyncExternalStore(store.subscribe, store.snapshot);
  const sources = useSyncExternalStore(sourceStore.subscribe, sourceStore.snapshot);
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

  return { mentions, sources, state, stale };
}
