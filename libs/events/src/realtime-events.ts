import type { IncidentView, MentionView, ReplyView, SourceView, WallLayoutChange } from '@lp/domain';

/**
 * The one catalogue of realtime events. Adding an event means adding it here; the gateway,
 * the publisher and the browser all take their types from this map.
 */
export interface RealtimeEventPayloads {
  'mention.created': MentionView;
  /** Claimed, released, lease expired, status changed. */
  'mention.updated': MentionView;
  /** A source's health changed (healthy, silent, throttled, failing, paused). */
  'source.health': SourceView;
  /** A mention missed its first-response deadline; published once per mention (its id is stable). */
  'mention.sla_breached': MentionView;
  /** A reply was drafted, approved, rejected, sent or failed, or saved as a solution. */
  'reply.updated': ReplyView;
  /** Who is looking at a mention, and who is typing a reply to it. */
  'presence.changed': MentionPresence;
  /** Early warning opened an incident (a spike, or an escalation rule matched). */
  'incident.created': IncidentView;
  /** An incident grew, was paged, acknowledged, resolved or reassigned. */
  'incident.updated': IncidentView;
  /** A manager saved (or restored) a wall layout as a new version; kiosks showing it refetch. */
  'wall_layout.saved': WallLayoutChange;
}

export interface PresenceViewer {
  userId: string;
  name: string;
  typing: boolean;
}

export interface MentionPresence {
  mentionId: string;
  viewers: PresenceViewer[];
}

/** What a screen tells the server: the mention it has open (null for none), and whether its user is typing. */
export interface PresenceUpdate {
  mentionId: string | null;
  typing: boolean;
}

export type RealtimeEventType = keyof RealtimeEventPayloads;

export type RealtimeEvent = {
  [K in RealtimeEventType]: {
    type: K;
    /** Screens drop an event whose id they have already seen (delivery is at least once). */
    id: string;
    /** ISO time the event was published. */
    at: string;
    payload: RealtimeEventPayloads[K];
    /** Milliseconds since the epoch when the work behind the event entered the pipeline, for latency figures. */
    enqueuedAt?: number;
  };
}[RealtimeEventType];

/**
 * A mention changed: its id carries the time so each change is a new event, while a re-sent copy
 * of the same event keeps its id and screens drop it.
 */
export function mentionUpdatedEvent(view: MentionView, now = new Date()): RealtimeEvent {
  return {
    type: 'mention.updated',
    id: `mention.updated:${view.id}:${now.getTime()}`,
    at: now.toISOString(),
    payload: view,
  };
}

/** A reply's new state; its `updatedAt` is in the id, so a repeat of the same state is dropped. */
export function replyUpdatedEvent(view: ReplyView, now = new Date()): RealtimeEvent {
  return {
    type: 'reply.updated',
    id: `reply.updated:${view.id}:${view.updatedAt}`,
    at: now.toISOString(),
    payload: view,
  };
}

/** A breach happens once per mention, so its id is the mention's: a repeat is dropped by every screen. */
export function slaBreachedEvent(view: MentionView, now = new Date()): RealtimeEvent {
  return { type: 'mention.sla_breached', id: `mention.sla_breached:${view.id}`, at: now.toISOString(), payload: view };
}

/** An incident changed (its pages too, which leave `updatedAt` alone), so the publish time is in the id. */
export function incidentEvent(
  type: 'incident.created' | 'incident.updated',
  view: IncidentView,
  now = new Date(),
): RealtimeEvent {
  return { type, id: `${type}:${view.id}:${now.getTime()}`, at: now.toISOString(), payload: view };
}

/** One event per saved version: a re-sent copy keeps the id and is dropped. */
export function wallLayoutSavedEvent(change: WallLayoutChange, now = new Date()): RealtimeEvent {
  return {
    type: 'wall_layout.saved',
    id: `wall_layout.saved:${change.name}:${change.version}`,
    at: now.toISOString(),
    payload: change,
  };
}

/** Socket.IO rooms a screen can join. */
export const ROOMS = ['mentions'] as const;
export type Room = (typeof ROOMS)[number];

/** The browser receives events in batches (one socket message per flush) to keep up with bursts. */
export interface ServerToClientEvents {
  events: (batch: RealtimeEvent[]) => void;
}

/**
 * Screens report presence, and repeat it as a heartbeat (PRESENCE_HEARTBEAT_MS): a screen that
 * stops reporting drops out after PRESENCE_TTL_MS.
 */
export interface ClientToServerEvents {
  presence: (update: PresenceUpdate) => void;
}

export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;

export const SOCKET_PATH = '/socket.io';

export function eventsChannel(redisPrefix: string): string {
  return `${redisPrefix}:events`;
}
