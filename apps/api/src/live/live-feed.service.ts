import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/**
 * What `/api/ws` clients can subscribe to:
 * - `state`: configurations and tags changed (created, edited, deleted, modules changed), so a dashboard refetches;
 * - `tasks`: any task changed status (requested, started, succeeded, failed, cancelled);
 * - `task:<id>`: one task's status, progress and log lines as they happen.
 * The message is whatever the publisher sends; it reaches the clients as JSON, so it must serialize.
 */
export type LiveTopic = 'state' | 'tasks' | `task:${string}`;

export interface LiveEvent {
  topic: LiveTopic;
  message: unknown;
}

export const taskTopic = (taskId: string): LiveTopic => `task:${taskId}`;

/**
 * The in-process hub between what changes (services, the queue listener) and who watches (the WebSocket gateway).
 * Fire and forget: a message published while nobody listens is gone, so clients fetch the current state over HTTP
 * after subscribing and use the feed only to learn when to look again.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly subject = new Subject<LiveEvent>();

  readonly events: Observable<LiveEvent> = this.subject.asObservable();

  publish(topic: LiveTopic, message: unknown): void {
    this.subject.next({ topic, message });
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
