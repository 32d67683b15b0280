import { Injectable, OnDestroy, signal } from '@angular/core';
import type { LiveClientMessage, LiveServerMessage, LiveTopic } from '@thymis/contracts';
import { Observable, Subject, filter, map } from 'rxjs';
import { reconnectDelay } from './reconnect-delay';

/**
 * What a topic delivers: `subscribed` each time the controller confirms the subscription (also after a reconnect, when
 * messages may have been missed: fetch again), and `event` for each message published on it.
 */
export type LiveUpdate = { kind: 'subscribed' } | { kind: 'event'; message: unknown };

/** Keeps the socket a while after the last watcher leaves, so that moving between pages does not reconnect. */
const LINGER_MS = 10_000;

/**
 * The `/api/ws` live feed, one socket for the whole dashboard. Pages watch topics ("state", "tasks", "task:<id>");
 * the first watcher of a topic subscribes it, the last one to leave unsubscribes it. A dropped socket reconnects with
 * backoff and subscribes everything watched again. The controller sends only what happens while one listens, so pages
 * fetch over HTTP and use the feed to know when to fetch again.
 */
@Injectable({ providedIn: 'root' })
export class LiveService implements OnDestroy {
  private readonly watched = new Map<LiveTopic, { watchers: number; updates: Subject<LiveUpdate> }>();
  private readonly isConnected = signal(false);
  private socket?: WebSocket;
  private attempt = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private lingerTimer?: ReturnType<typeof setTimeout>;

  /** Whether the socket is open: pages can say that what they show may be out of date. */
  readonly connected = this.isConnected.asReadonly();

  /** Everything on `topic`, for as long as the observable is subscribed. */
  on(topic: LiveTopic): Observable<LiveUpdate> {
    return new Observable<LiveUpdate>((subscriber) => {
      const subscription = this.watch(topic).subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        this.unwatch(topic);
      };
    });
  }

  /** Only the messages published on `topic`, typed as the caller knows them (see LiveTaskChange and others). */
  messages<T>(topic: LiveTopic): Observable<T> {
    return this.on(topic).pipe(
      filter((update) => update.kind === 'event'),
      map((update) => update.message as T),
    );
  }

  /** Closes the socket for good, e.g. at logout; watching a topic again opens a new one. */
  disconnect(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.lingerTimer);
    this.retryTimer = undefined;
    this.attempt = 0;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
    this.isConnected.set(false);
  }

  ngOnDestroy(): void {
    this.disconnect();
  }

  private watch(topic: LiveTopic): Subject<LiveUpdate> {
    clearTimeout(this.lingerTimer);
    let entry = this.watched.get(topic);
    if (!entry) {
      entry = { watchers: 0, updates: new Subject<LiveUpdate>() };
      this.watched.set(topic, entry);
      this.send({ type: 'subscribe', topics: [topic] });
    }
    entry.watchers++;
    if (!this.socket && this.retryTimer === undefined) this.connect();
    return entry.updates;
  }

  private unwatch(topic: LiveTopic): void {
    const entry = this.watched.get(topic);
    if (!entry || --entry.watchers > 0) return;
    this.watched.delete(topic);
    this.send({ type: 'unsubscribe', topics: [topic] });
    if (this.watched.size === 0) this.lingerTimer = setTimeout(() => this.disconnect(), LINGER_MS);
  }

  private connect(): void {
    this.retryTimer = undefined;
    const url = new URL('/api/ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.isConnected.set(true);
      if (this.watched.size > 0) this.send({ type: 'subscribe', topics: [...this.watched.keys()] });
    };
    socket.onmessage = (frame: MessageEvent<string>) => this.receive(JSON.parse(frame.data) as LiveServerMessage);
    socket.onclose = () => {
      if (this.socket !== socket) return; // closed on purpose
      this.socket = undefined;
      this.isConnected.set(false);
      if (this.watched.size > 0) this.retryTimer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
    };
  }

  private receive(message: LiveServerMessage): void {
    switch (message.type) {
      case 'subscribed':
        for (const topic of message.topics) this.watched.get(topic)?.updates.next({ kind: 'subscribed' });
        break;
      case 'event':
        this.watched.get(message.topic)?.updates.next({ kind: 'event', message: message.message });
        break;
      case 'unsubscribed':
        break;
      case 'error':
        console.warn(`live feed refused a request: ${message.message}`);
        break;
    }
  }

  private send(message: LiveClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
