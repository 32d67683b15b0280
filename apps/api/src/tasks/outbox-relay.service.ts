import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName } from '@thymis/queue';
import { JobQueues } from './job-queues';

const INTERVAL_MS = 200;
/** BullMQ waits for Redis to come back rather than fail: a relay must not sit in a transaction that long. */
const ADD_TIMEOUT_MS = 2000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer')), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves jobs from the outbox (written with their events) onto the queues. While Redis is down the rows wait and the
 * relay keeps trying; a row relayed twice (a crash between adding and marking) gives one job, as jobs carry the task id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failing = false;

  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.relay(), INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Relays what is pending now; concurrent calls share one run. */
  relay(): Promise<void> {
    this.running ??= this.relayPending().finally(() => (this.running = undefined));
    return this.running;
  }

  private async relayPending(): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        // SKIP LOCKED: several API processes may relay; each row goes out through one of them.
        const rows: { id: string; topic: JobName; payload: { taskId: string } }[] = await tx.query(
          `SELECT id, topic, payload FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
        );
        for (const row of rows) {
          // An add that lands after the timeout is harmless: the row is relayed again, into the same job id.
          await within(ADD_TIMEOUT_MS, this.queues.add(row.topic, row.payload));
          await tx.query('UPDATE outbox SET relayed_at = now() WHERE id = $1', [row.id]);
        }
      });
      if (this.failing) this.logger.log('queues reachable again: relaying jobs');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot relay jobs (${(error as Error).message}); will keep trying`);
      this.failing = true;
    }
  }
}
