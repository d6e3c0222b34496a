import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RealtimeEvent, ServerToClientEvents } from '@lp/events';
import { fetchLatestMentions, fetchMentionsAfter, fetchSources } from './api-client';
import type { Session } from '../auth/session';
import type { MentionStore } from './mention-store';
import type { SourceHealthStore } from './source-health-store';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

const INITIAL_LOAD = 200;
/** After a long outage, load at most this many pages back; older mentions are on the server. */
const CATCH_UP_PAGES = 10;

/**
 * Keeps a MentionStore in step with the server: initial load, live events, and on every
 * (re)connect a catch-up of whatever was ingested while the socket was down.
 */
export class LiveConnection {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  private listeners = new Set<(state: ConnectionState) => void>();
  private current: ConnectionState = 'connecting';

  constructor(
    private readonly session: Session,
    private readonly store: MentionStore,
    private readonly sources: SourceHealthStore,
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    // The function form: every (re)connection presents the current access token.
    const socket = io({
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 5_000,
      auth: (cb) => cb({ token: this.session.token }),
    });
    this.socket = socket;
    socket.on('connect', () => {
      void this.catchUp().then(
        () => this.setState('live'),
        () => this.setState('live'),
      );
    });
    socket.on('disconnect', () => this.setState('reconnecting'));
    // Refused at the handshake (token expired while away): renew it and connect again; no session, sign in.
    socket.on('connect_error', (error) => {
      if (error.message !== 'unauthorized') return;
      void this.session.refresh().then((ok) => ok && socket.connect());
    });
    socket.io.on('reconnect_attempt', () => this.setState('reconnecting'));
    socket.on('events', (batch: RealtimeEvent[]) => {
      const mentions = [];
      for (const event of batch) {
        switch (event.type) {
          case 'mention.created':
          case 'mention.updated':
            mentions.push(event.payload);
            break;
          case 'source.health':
            this.sources.upsert(event.payload);
            break;
        }
      }
      this.store.upsertMany(mentions);
    });
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = undefined;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async catchUp(): Promise<void> {
    const missed =
      this.store.maxSeq === 0
        ? await fetchLatestMentions(this.session, INITIAL_LOAD)
        : await fetchMentionsAfter(this.session, this.store.maxSeq, CATCH_UP_PAGES);
    this.store.upsertMany(missed);
    this.sources.replaceAll(await fetchSources(this.session));
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
