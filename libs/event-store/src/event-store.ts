import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { appendAlone, appendsInFlight, markAppending } from './in-flight';
import {
  EVENT_COLUMNS,
  StreamVersionConflict,
  toStoredEvent,
  type EventMetadata,
  type EventRow,
  type NewEvent,
  type OutboxMessage,
  type StoredEvent,
} from './stored-event';

export interface AppendOptions {
  /** The stream version the caller decided on; 0 for a new stream. */
  expectedVersion: number;
  metadata: Omit<EventMetadata, 'at'>;
  outbox?: OutboxMessage[];
}

export interface Appended {
  /** Position of the last event appended. */
  position: number;
  /** The stream's version after the append. */
  version: number;
  /** When the events were recorded. */
  at: Date;
}

/** Anything that can run SQL: the data source itself, or the manager of a transaction in progress. */
type Executor = Pick<EntityManager, 'query'>;

export const EVENTS_CHANNEL = 'thymis_events';
const WAKE_DELAY_MS = 3;

const APPEND = 'SELECT appended_position AS position, appended_version AS version FROM append_events($1, $2, $3, $4)';

/** The append-only log: every change to the controller's state is an event here. */
export class EventStore {
  /** TypeORM's own pg pool: an append outside a transaction skips TypeORM's per-query runner, the hot path here. */
  private readonly pool: Pool;
  private wakeScheduled = false;

  constructor(
    private readonly db: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.pool = (db.driver as unknown as { master: Pool }).master;
  }

  /** Appends events (and outbox messages) atomically, if the stream is still at the expected version. */
  async append(streamId: string, events: NewEvent[], options: AppendOptions, executor?: Executor): Promise<Appended> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // Several events on their own: alone, so that their positions are consecutive like any command's.
    if (!executor && events.length > 1) {
      return this.transactionAcrossStreams((tx) => this.append(streamId, events, options, tx));
    }
    const at = this.clock();
    const metadata: EventMetadata = { ...options.metadata, at: at.toISOString() };
    const payload = events.map((e) => ({ type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata }));
    const values = [streamId, options.expectedVersion, JSON.stringify(payload), JSON.stringify(options.outbox ?? [])];
    try {
      type Row = { position: string; version: number };
      const rows: Row[] = executor
        ? await executor.query(APPEND, values)
        : (await this.pool.query<Row>({ name: 'append_events', text: APPEND, values })).rows;
      const last = rows[rows.length - 1];
      if (!executor) this.wakeSubscribers();
      return { position: Number(last.position), version: last.version, at };
    } catch (error) {
      throw asConflict(error, streamId, options.expectedVersion);
    }
  }

  /** Runs `work` in one transaction that appends to one stream (take that stream's lock with lockStream). */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactionWith(markAppending, work);
  }

  /**
   * Runs `work` in one transaction that appends to several streams: they commit together or not at all, and their
   * events get consecutive positions (other appends wait), so that readers see the command whole.
   */
  async transactionAcrossStreams<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactionWith(appendAlone, work);
  }

  private async transactionWith<T>(
    mark: (tx: EntityManager) => Promise<void>,
    work: (tx: EntityManager) => Promise<T>,
  ) {
    const result = await this.db.transaction(async (tx) => {
      await mark(tx);
      return work(tx);
    });
    this.wakeSubscribers();
    return result;
  }

  /**
   * Tells subscribers in every process that events were committed, one NOTIFY for a burst of appends. A NOTIFY inside
   * the appending transaction would hold Postgres' global notify lock through each commit and so serialize all
   * concurrent appends. Subscribers also poll, so a wake-up lost to a crash only delays them.
   */
  private wakeSubscribers(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setTimeout(() => {
      this.wakeScheduled = false;
      this.pool.query(`NOTIFY ${EVENTS_CHANNEL}`).catch(() => undefined);
    }, WAKE_DELAY_MS).unref();
  }

  async readStream(streamId: string, executor: Executor = this.db): Promise<StoredEvent[]> {
    const rows: EventRow[] = await executor.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    );
    return rows.map(toStoredEvent);
  }

  /**
   * Reads the log after a position for a stateless reader (the audit log). A hole in the positions may still be filled
   * by an append in flight; then the page ends before it and the caller's next page starts there. Without appends in
   * flight, a second read shows whether the hole was filled meanwhile or is final.
   */
  async readAll(after: number, limit: number): Promise<StoredEvent[]> {
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`;
    const read = async () => (await this.db.query<EventRow[]>(sql, [after, limit])).map(toStoredEvent);
    const first = await read();
    const holeAt = firstHole(first, after);
    if (holeAt === -1 || (await appendsInFlight(this.db)).length > 0)
      return first.slice(0, holeAt === -1 ? undefined : holeAt);
    // Holes up to what the first read saw are final now; above it, a new append may have drawn positions since.
    const seen = first[first.length - 1].position;
    const second = await read();
    const beyond = second.findIndex((e, i) => e.position > seen && i > 0 && e.position !== second[i - 1].position + 1);
    return beyond === -1 ? second : second.slice(0, beyond);
  }

  /** Holds the stream's append lock until the transaction ends: decide and append without a racing writer. */
  async lockStream(streamId: string, executor: Executor): Promise<void> {
    await executor.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
  }

  /** The position of the newest event, or 0 for an empty log. */
  async head(): Promise<number> {
    const [row]: { head: string | null }[] = await this.db.query('SELECT max(position) AS head FROM events');
    return Number(row.head ?? 0);
  }
}

/** Index of the first event that does not follow its predecessor (or `after`), or -1. */
function firstHole(events: StoredEvent[], after: number): number {
  return events.findIndex((e, i) => e.position !== (i === 0 ? after : events[i - 1].position) + 1);
}

function asConflict(error: unknown, streamId: string, expectedVersion: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'TH409') {
    const actual = Number((error as { detail?: string }).detail);
    return new StreamVersionConflict(streamId, expectedVersion, Number.isFinite(actual) ? actual : undefined);
  }
  // Two appends that both passed the version check race on the unique (stream, version) key.
  if (code === '23505') return new StreamVersionConflict(streamId, expectedVersion, undefined);
  return error;
}
