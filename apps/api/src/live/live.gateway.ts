import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { Subscription } from 'rxjs';
import { WebSocket, type RawData, type ServerOptions } from 'ws';
import { AuthService } from '../auth/auth.service';
import { LiveFeed, type LiveEvent, type LiveTopic } from './live-feed.service';
import { parseClientMessage, type ServerMessage } from './live-protocol';
import { LiveSubscriptions } from './live-subscriptions';
import { upgradeCredentials } from './upgrade-credentials';

export const PING_INTERVAL_MS = 30_000;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 1_000;
/** Close codes a client can act on: 4401 means "log in again", like HTTP's 401. */
export const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_INTERNAL_ERROR = 1011;
const CLOSE_TRY_AGAIN_LATER = 1013;
/** A client this far behind (a stalled tab while a build streams its log) is dropped rather than buffered for. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

interface Connection {
  credentials: { session?: string; bearer?: string };
  /** Settles once the credentials have been checked; messages wait for it. */
  admitted: Promise<boolean>;
  /** Answered the last ping. */
  alive: boolean;
}

const text = (data: RawData) =>
  Buffer.isBuffer(data)
    ? data.toString('utf8')
    : Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data).toString('utf8');

/**
 * `/api/ws`: the dashboard's live view of tasks and state; the protocol is described in live-protocol.ts.
 *
 * Authentication happens on the upgrade request (session cookie or bearer token, as for HTTP). A connection without
 * valid credentials is accepted at the WebSocket level and then closed with 4401 "unauthorized" before it can do
 * anything: browsers never show a refused upgrade's status, but they do show a close code, so the dashboard can tell
 * "log in again" from "server away". The credentials are checked again at every ping, so a logged-out session or a
 * revoked token stops receiving within one interval.
 */
@WebSocketGateway<ServerOptions>({ path: '/api/ws', maxPayload: 64 * 1024 })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly connections = new Map<WebSocket, Connection>();
  private readonly subscriptions = new LiveSubscriptions<WebSocket>(MAX_SUBSCRIPTIONS_PER_CONNECTION);
  private feed?: Subscription;
  private pinger?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveFeed,
  ) {}

  onModuleInit(): void {
    this.feed = this.live.events.subscribe((event) => this.deliver(event));
    this.pinger = setInterval(() => void this.heartbeat(), PING_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pinger);
    this.feed?.unsubscribe();
    for (const client of this.connections.keys()) client.close(CLOSE_GOING_AWAY, 'server shutting down');
  }

  handleConnection(client: WebSocket, request: IncomingMessage): void {
    const credentials = upgradeCredentials(request);
    const connection: Connection = { credentials, admitted: this.admit(client, credentials), alive: true };
    this.connections.set(client, connection);
    client.on('pong', () => (connection.alive = true));
    client.on('message', (data, isBinary) => void this.receive(client, connection, data, isBinary));
  }

  handleDisconnect(client: WebSocket): void {
    this.connections.delete(client);
    this.subscriptions.drop(client);
  }

  /** How many connections listen to the topic now: for monitoring. */
  listeners(topic: LiveTopic): number {
    return this.subscriptions.subscribers(topic).size;
  }

  /**
   * One keep-alive round, every PING_INTERVAL_MS: ends the connections that did not answer the previous ping (a
   * vanished peer that TCP alone would keep for hours) or whose session or token is no longer valid, pings the rest.
   */
  async heartbeat(): Promise<void> {
    const checks = new Map<string, Promise<boolean>>();
    const stillValid = (credentials: Connection['credentials']) => {
      const key = JSON.stringify(credentials);
      const check = checks.get(key) ?? this.auth.authenticate(credentials).then(Boolean);
      checks.set(key, check);
      return check;
    };
    const rounds = [...this.connections].map(async ([client, connection]) => {
      if (!(await connection.admitted)) return;
      if (!connection.alive) return client.terminate();
      connection.alive = false;
      client.ping();
      if (!(await stillValid(connection.credentials))) client.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    });
    const failed = (await Promise.allSettled(rounds)).find((round) => round.status === 'rejected');
    // The database being away is no reason to drop everyone: they would all come back at once.
    if (failed) this.logger.warn(`could not recheck WebSocket credentials: ${String(failed.reason)}`);
  }

  private async admit(client: WebSocket, credentials: Connection['credentials']): Promise<boolean> {
    try {
      if (await this.auth.authenticate(credentials)) return true;
      client.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    } catch (error) {
      this.logger.error(`could not check WebSocket credentials: ${String(error)}`);
      client.close(CLOSE_INTERNAL_ERROR, 'could not check the credentials');
    }
    return false;
  }

  private async receive(client: WebSocket, connection: Connection, data: RawData, isBinary: boolean): Promise<void> {
    // Gone while its credentials were checked: subscribing it now would leak the subscription.
    if (!(await connection.admitted) || !this.connections.has(client)) return;
    if (isBinary) return this.send(client, { type: 'error', message: 'messages must be JSON text frames' });
    const request = parseClientMessage(text(data));
    if ('error' in request) return this.send(client, { type: 'error', message: request.error });
    if (request.type === 'unsubscribe') {
      this.subscriptions.remove(client, request.topics);
      return this.send(client, { type: 'unsubscribed', topics: request.topics });
    }
    if (!this.subscriptions.add(client, request.topics))
      return this.send(client, {
        type: 'error',
        message: `topics: at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`,
      });
    this.send(client, { type: 'subscribed', topics: request.topics });
  }

  private deliver({ topic, message }: LiveEvent): void {
    const clients = this.subscriptions.subscribers(topic);
    if (clients.size === 0) return;
    let frame: string;
    try {
      frame = JSON.stringify({ type: 'event', topic, message } satisfies ServerMessage);
    } catch (error) {
      // A publisher's bug (a cycle, a BigInt) must not take the feed down for everyone else.
      this.logger.error(`cannot send an event on '${topic}': ${String(error)}`);
      return;
    }
    for (const client of clients) this.sendFrame(client, frame);
  }

  private send(client: WebSocket, message: ServerMessage): void {
    this.sendFrame(client, JSON.stringify(message));
  }

  private sendFrame(client: WebSocket, frame: string): void {
    if (client.readyState !== WebSocket.OPEN) return;
    if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.close(CLOSE_TRY_AGAIN_LATER, 'too slow to keep up');
      return;
    }
    client.send(frame);
  }
}
