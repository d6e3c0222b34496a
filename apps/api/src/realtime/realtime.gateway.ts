import type { OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { SOCKET_PATH, type ClientToServerEvents, type RealtimeEvent, type ServerToClientEvents } from '@lp/events';
import { AccessTokenService } from '../auth/access-token.service';
import { RealtimeEventsSource } from './realtime-events.source';

/** Emitting one message per event tops out near 300/s to 500 clients; one per 50 ms batch does not. */
const FLUSH_INTERVAL_MS = 50;
const MAX_EVENTS_PER_MESSAGE = 1_000;

/** Forwards the worker's events to the screens. Every screen joins the `mentions` room for now. */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer()
  private server!: Server<ClientToServerEvents, ServerToClientEvents>;

  private buffer: RealtimeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly source: RealtimeEventsSource,
    private readonly tokens: AccessTokenService,
  ) {}

  afterInit(): void {
    // The handshake must carry a valid access token (`auth: { token }`), like every REST call.
    this.server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      void this.tokens.verify(typeof token === 'string' ? token : undefined).then((user) => {
        if (!user) return next(new Error('unauthorized'));
        socket.data = { user };
        next();
      });
    });
    this.unsubscribe = this.source.onEvents((batch) => this.enqueue(batch));
  }

  handleConnection(socket: Socket): void {
    void socket.join('mentions');
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
  }

  private enqueue(batch: RealtimeEvent[]): void {
    this.buffer.push(...batch);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const events = this.buffer;
    this.buffer = [];
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_MESSAGE) {
      this.server.to('mentions').emit('events', events.slice(i, i + MAX_EVENTS_PER_MESSAGE));
    }
  }
}
