import { io, type Socket } from 'socket.io-client';
import type { ReplyView, WallLayoutChange } from '@lp/domain';
import {
  PRESENCE_HEARTBEAT_MS,
  type ClientToServerEvents,
  type PresenceUpdate,
  type PresenceViewer,
  type RealtimeEvent,
  type ServerToClientEvents,
} from '@lp/events';
import { fetchLatestMentions, fetchMentionsAfter, fetchSources } from './api-client';
import type { Session } from '../auth/session';
import type { MentionStore } from './mention-store';
import type { KeyedStore } from './keyed-store';
import { mergeReply } from './merge-reply';
import type { SourceHealthStore } from './source-health-store';

/** The streams besides mentions and sources that screens listen to. */
export interface LiveSideStores {
  /** Replies by mention id, oldest first. */
  replies: KeyedStore<ReplyView[]>;
  /** Who views each mention. */
  presence: KeyedStore<PresenceViewer[]>;
}

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
  private presence: PresenceUpdate = { mentionId: null, typing: false };
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private incidentListeners = new Set<() => void>();
  private layoutListeners = new Set<(change: WallLayoutChange | undefined) => void>();

  constructor(
    private readonly session: Session,
    private readonly store: MentionStore,
    private readonly sources: SourceHealthStore,
    private readonly side?: LiveSideStores,
  ) {}

  /** Tells everyone which mention this screen has open and whether its user is typing; repeated as a heartbeat. */
  reportPresence(update: PresenceUpdate): void {
    if (update.mentionId === this.presence.mentionId && update.typing === this.presence.typing) return;
    this.presence = update;
    this.socket?.emit('presence', update);
  }

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
    this.heartbeat = setInterval(() => {
      if (this.presence.mentionId) socket.emit('presence', this.presence);
    }, PRESENCE_HEARTBEAT_MS);
    socket.on('connect', () => {
      if (this.presence.mentionId) socket.emit('presence', this.presence);
      // Incident and layout screens refetch on every (re)connect: events sent while away are not replayed.
      this.notifyIncidents();
      this.notifyLayouts(undefined);
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
      let incidentsChanged = false;
      for (const event of batch) {
        switch (event.type) {
          case 'mention.created':
          case 'mention.updated':
            mentions.push(event.payload);
            break;
          case 'source.health':
            this.sources.upsert(event.payload);
            break;
          case 'reply.updated': {
            const reply = event.payload;
            this.side?.replies.update(reply.mentionId, (known = []) => mergeReply(known, reply));
            break;
          }
          case 'presence.changed':
            this.side?.presence.set(event.payload.mentionId, event.payload.viewers);
            break;
          case 'incident.created':
          case 'incident.updated':
            incidentsChanged = true;
            break;
          case 'wall_layout.saved':
            this.notifyLayouts(event.payload);
            break;
          default:
            // Events for screens this page does not show (incidents, SLA breaches) are ignored here.
            break;
        }
      }
      this.store.upsertMany(mentions);
      if (incidentsChanged) this.notifyIncidents();
    });
  }

  /** Called when any incident changed (once per batch) and after every (re)connect; screens refetch. */
  onIncidentsChanged(listener: () => void): () => void {
    this.incidentListeners.add(listener);
    return () => this.incidentListeners.delete(listener);
  }

  private notifyIncidents(): void {
    for (const listener of this.incidentListeners) listener();
  }

  /** Called with each saved wall layout version, and with undefined after every (re)connect; walls refetch. */
  onLayoutSaved(listener: (change: WallLayoutChange | undefined) => void): () => void {
    this.layoutListeners.add(listener);
    return () => this.layoutListeners.delete(listener);
  }

  private notifyLayouts(change: WallLayoutChange | undefined): void {
    for (const listener of this.layoutListeners) listener(change);
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
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
