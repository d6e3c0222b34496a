import type { MentionView, SourceView } from '@lp/domain';

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

/** Socket.IO rooms a screen can join. */
export const ROOMS = ['mentions'] as const;
export type Room = (typeof ROOMS)[number];

/** The browser receives events in batches (one socket message per flush) to keep up with bursts. */
export interface ServerToClientEvents {
  events: (batch: RealtimeEvent[]) => void;
}

/** Clients only listen for now. */
export type ClientToServerEvents = Record<string, never>;

export const SOCKET_PATH = '/socket.io';

export function eventsChannel(redisPrefix: string): string {
  return `${redisPrefix}:events`;
}
