import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName } from '@thymis/queue';
import { within } from '../core/within';
import { JobQueues } from './job-queues';

const INTERVAL_MS = 200;
/** BullMQ waits for Redis to come back rather than fail: a relay must not sit in a transaction that long. */
const ADD_TIMEOUT_MS = 2000;

/**
 * Moves jobs from the outbox (written with their events) onto the queues. While Redis is down the rows wait and the
 * relay keeps trying; a row relayed twice (a crash between adding and marking) gives one job, as jobs carry the task id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
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

  /**
   * Adds jobs whose outbox rows just committed, at once rather than on the relay's next round. The relay still adds
   * (and marks) their rows later: a second add of a task's job is a no-op, and a lost first one is made good.
   */
  dispatch(jobs: Parameters<JobQueues['addAll']>[0]): void {
    if (this.failing) return; // Redis is away: the relay's rounds will find out when it is back
    void within(ADD_TIMEOUT_MS, this.queues.addAll(jobs)).catch(() => undefined);
  }

  /** Relays what is pending now; a call during a run gets one more run, for rows written meanwhile. */
  relay(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.relayPending();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async relayPending(): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        // SKIP LOCKED: several API processes may relay; each row goes out through one of them.
        const rows: { id: string; topic: JobName; payload: { taskId: string } }[] = await tx.query(
          `SELECT id, topic, payload FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 0) return;
        // Jobs that land after the timeout are harmless: the rows are relayed again, into the same job ids.
        await within(ADD_TIMEOUT_MS, this.queues.addAll(rows.map((row) => ({ job: row.topic, payload: row.payload }))));
        await tx.query('UPDATE outbox SET relayed_at = now() WHERE id = ANY($1)', [rows.map((row) => row.id)]);
      });
      if (this.failing) this.logger.log('queues reachable again: relaying jobs');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot relay jobs (${(error as Error).message}); will keep trying`);
      this.failing = true;
    }
  }
}
