import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { MentionView, ReplyView, SourceView, UserView } from '@lp/domain';
import type { PresenceViewer } from '@lp/events';
import type { Session } from '../auth/session';
import { KeyedStore } from './keyed-store';
import { LiveConnection, type ConnectionState } from './live-connection';
import { MentionStore } from './mention-store';
import { SourceHealthStore } from './source-health-store';

/** Enough for a day of a busy brand; the oldest fall off, so memory stays flat on a wall that runs for days. */
export const MENTION_CAPACITY = 100_000;
/** A banner only after this long: a blip during a deploy should not flash the whole wall. */
const STALE_AFTER_MS = 1_500;

interface LiveData {
  session: Session;
  user: UserView;
  connection: LiveConnection;
  mentions: MentionStore;
  sources: SourceHealthStore;
  replies: KeyedStore<ReplyView[]>;
  presence: KeyedStore<PresenceViewer[]>;
}

const LiveContext = createContext<LiveData | undefined>(undefined);

/** One connection and one set of stores per signed-in session, shared by every page (switching pages keeps them). */
export function LiveDataProvider({
  session,
  user,
  children,
}: {
  session: Session;
  user: UserView;
  children: ReactNode;
}) {
  const data = useMemo(() => {
    const mentions = new MentionStore({ capacity: MENTION_CAPACITY });
    const sources = new SourceHealthStore();
    const replies = new KeyedStore<ReplyView[]>();
    const presence = new KeyedStore<PresenceViewer[]>();
    const connection = new LiveConnection(session, mentions, sources, { replies, presence });
    return { session, user, connection, mentions, sources, replies, presence };
  }, [session, user]);
  useEffect(() => {
    data.connection.start();
    return () => data.connection.stop();
  }, [data]);
  return <LiveContext.Provider value={data}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveData {
  const data = useContext(LiveContext);
  if (!data) throw new Error('useLive outside LiveDataProvider');
  return data;
}

export function useMentions(): readonly MentionView[] {
  const { mentions } = useLive();
  return useSyncExternalStore(mentions.subscribe, mentions.snapshot);
}

export function useSources(): readonly SourceView[] {
  const { sources } = useLive();
  return useSyncExternalStore(sources.subscribe, sources.snapshot);
}

export function useReplies(mentionId: string | undefined): readonly ReplyView[] {
  const { replies } = useLive();
  const all = useSyncExternalStore(replies.subscribe, replies.snapshot);
  return (mentionId && all.get(mentionId)) || NONE;
}

export function usePresence(mentionId: string | undefined): readonly PresenceViewer[] {
  const { presence } = useLive();
  const all = useSyncExternalStore(presence.subscribe, presence.snapshot);
  return (mentionId && all.get(mentionId)) || NONE;
}

const NONE: never[] = [];

/** The socket's state, and whether it has been down long enough to say so. */
export function useConnectionState(): { state: ConnectionState; stale: boolean } {
  const { connection } = useLive();
  const [state, setState] = useState<ConnectionState>(connection.state);
  const [stale, setStale] = useState(false);
  useEffect(() => connection.onState(setState), [connection]);
  useEffect(() => {
    if (state === 'live') {
      setStale(false);
      return;
    }
    const timer = setTimeout(() => setStale(true), STALE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return { state, stale };
}

/** A clock for "waiting 4m" labels, ticking every `everyMs`. */
export function useNow(everyMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
