import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { GapAwareCursor } from './gap-aware-cursor';
import { appendsEnded, appendsInFlight } from './in-flight';
import { EVENTS_CHANNEL } from './event-store';
import { EVENT_COLUMNS, toStoredEvent, type EventRow, type StoredEvent } from './stored-event';

export type EventHandler = (events: StoredEvent[], manager: EntityManager) => Promise<void>;

export interface SubscriptionOptions {
  batchSize?: number;
  /** Called with each batch once its transaction has committed: for telling the outside world. */
  delivered?: (events: StoredEvent[]) => void;
  /** How often to look even without a notification (a lost connection, a hole to re-check). */
  pollMs?: number;
}

const HOLE_RECHECK_MS = 5;

/**
 * Delivers every event exactly once, in position order, to a handler, from a checkpoint stored in Postgres.
 * Each batch is handled in the transaction that moves the checkpoint, which holds the checkpoint row locked: several
 * processes may run the same subscription and still each event is handled once. Wakes on the store's NOTIFY after
 * commits, and polls as a fallback.
 */
export class Subscription {
  private readonly logger: Logger;
  private cursor?: GapAwareCursor;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private waiters: { position: number; resolve: () => void }[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly listenUrl: string,
    readonly name: string,
    private readonly handler: EventHandler,
    private readonly options: SubscriptionOptions = {},
  ) {
    this.logger = new Logger(`Subscription:${name}`);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.db.query('INSERT INTO checkpoints (name, position) VALUES ($1, 0) ON CONFLICT DO NOTHING', [this.name]);
    await this.listen();
    await this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    await this.running;
  }

  /** The last position handled by this process. */
  get position(): number {
    return this.cursor?.position ?? 0;
  }

  /** Resolves once the subscription has handled `position` (false after `timeoutMs` without). */
  waitFor(position: number, timeoutMs = 5000): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timeout = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter = { position, resolve: () => (clearTimeout(timeout), resolve(true)) };
      this.waiters.push(waiter);
      void this.pump();
    });
  }

  /** Handles everything available now; concurrent calls fold into one more round. */
  pump(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      this.schedule();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.handleBatch())) {
          /* keep going while whole batches arrive */
        }
      } catch (error) {
        this.cursor = undefined; // the transaction rolled back: start again from the stored checkpoint
        this.logger.error(`handling events failed, will retry: ${(error as Error).stack ?? String(error)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      this.settleWaiters();
    } while (this.again && !this.stopped);
  }

  /** One transaction: lock the checkpoint, read, handle, move the checkpoint. True when more may be waiting. */
  private async handleBatch(): Promise<boolean> {
    const limit = this.options.batchSize ?? 500;
    let handled: StoredEvent[] = [];
    const more = await this.db.transaction(async (manager) => {
      const [checkpoint]: { position: string }[] = await manager.query(
        'SELECT position FROM checkpoints WHERE name = $1 FOR UPDATE',
        [this.name],
      );
      const stored = Number(checkpoint.position);
      if (this.cursor?.position !== stored) this.cursor = new GapAwareCursor(stored);
      const cursor = this.cursor;
      // Whether the awaited appends had ended must be known before the read that may then step over a hole.
      const settled = cursor.awaitedAppends !== undefined && (await appendsEnded(cursor.awaitedAppends, manager));
      const rows: EventRow[] = await manager.query(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
        [stored, limit],
      );
      const batch = await this.wholeTransactions(rows.map(toStoredEvent), manager);
      const events = cursor.advance(batch, settled);
      if (cursor.needsAppends) cursor.recordAppends(await appendsInFlight(manager));
      if (events.length > 0) await this.handler(events, manager);
      handled = events;
      if (cursor.position !== stored) {
        await manager.query('UPDATE checkpoints SET position = $2 WHERE name = $1', [this.name, cursor.position]);
      }
      return batch.length === limit && events.length > 0;
    });
    if (handled.length > 0) this.options.delivered?.(handled);
    return more;
  }

  /** A batch never ends inside a transaction: it reaches on to the last position of its last event's transaction. */
  private async wholeTransactions(batch: StoredEvent[], manager: EntityManager): Promise<StoredEvent[]> {
    const last = batch[batch.length - 1];
    if (!last) return batch;
    const rest: EventRow[] = await manager.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1
         AND position <= (SELECT max(position) FROM events WHERE transaction_id = $2) ORDER BY position`,
      [last.position, last.transactionId],
    );
    return [...batch, ...rest.map(toStoredEvent)];
  }

  private settleWaiters(): void {
    const reached = this.position;
    const [done, pending] = partition(this.waiters, (w) => w.position <= reached);
    this.waiters = pending;
    done.forEach((w) => w.resolve());
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const delay = this.cursor?.waiting || this.waiters.length > 0 ? HOLE_RECHECK_MS : (this.options.pollMs ?? 1000);
    this.timer = setTimeout(() => void this.pump(), delay);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.listenUrl });
    client.on('notification', () => void this.pump());
    client.on('error', (error) => {
      this.logger.warn(`notification connection lost (${error.message}); polling until it is back`);
      if (this.listener === client) this.listener = undefined;
      setTimeout(() => void (!this.stopped && !this.listener && this.listen().catch(() => undefined)), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.listener = client;
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}
