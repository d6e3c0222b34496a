import type { OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { SOCKET_PATH, type ClientToServerEvents, type RealtimeEvent, type ServerToClientEvents } from '@lp/events';
import { UserRepository } from '@lp/persistence';
import { AccessTokenService } from '../auth/access-token.service';
import type { AuthUser } from '../auth/auth.decorators';
import { parsePresenceUpdate, PresenceService, type SocketPresence } from './presence.service';
import { RealtimeEventsSource } from './realtime-events.source';
import { handshakeAuth } from './socket-auth';

/** What the server keeps on each socket: who signed in, and what they last said they look at. */
interface SocketData {
  user: AuthUser;
  name: string;
  presence: SocketPresence;
}

type ScreenSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Emitting one message per event tops out near 300/s to 500 clients; one per 50 ms batch does not. */
const FLUSH_INTERVAL_MS = 50;
const MAX_EVENTS_PER_MESSAGE = 1_000;

/**
 * Forwards the worker's events to the screens (every screen joins the `mentions` room), and takes
 * the screens' presence reports.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer()
  private server!: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

  private buffer: RealtimeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly source: RealtimeEventsSource,
    private readonly tokens: AccessTokenService,
    private readonly users: UserRepository,
    private readonly presence: PresenceService,
  ) {}

  afterInit(): void {
    this.server.use(
      handshakeAuth<ScreenSocket>(this.tokens, this.users, (socket, user, account) => {
        socket.data = { user, name: account.name, presence: { mentionId: null, typing: false } };
      }),
    );
    this.unsubscribe = this.source.onEvents((batch) => this.enqueue(batch));
  }

  handleConnection(socket: ScreenSocket): void {
    void socket.join('mentions');
  }

  /** A screen went away: it no longer views anything. */
  async handleDisconnect(socket: ScreenSocket): Promise<void> {
    const { mentionId } = socket.data.presence ?? { mentionId: null };
    if (mentionId) await this.presence.leave(this.actor(socket), mentionId).catch(() => undefined);
  }

  /** `{ mentionId, typing }`: the mention this screen has open (null for none); sent on change and as a heartbeat. */
  @SubscribeMessage('presence')
  async onPresence(@ConnectedSocket() socket: ScreenSocket, @MessageBody() body: unknown): Promise<void> {
    const update = parsePresenceUpdate(body);
    if (!update) return;
    socket.data.presence = await this.presence.report(this.actor(socket), socket.data.presence, update);
  }

  private actor(socket: ScreenSocket) {
    return { socketId: socket.id, userId: socket.data.user.id, name: socket.data.name };
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
