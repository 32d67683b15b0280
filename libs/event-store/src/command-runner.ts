import type { EntityManager } from 'typeorm';
import type { AppendOptions, EventStore } from './event-store';
import { StreamVersionConflict, type NewEvent, type StoredEvent } from './stored-event';

/** How a kind of stream turns its past into a state and decides what a command changes. */
export interface Aggregate<S, C, E extends NewEvent> {
  evolve(state: S | undefined, event: E): S | undefined;
  decide(id: string, state: S | undefined, command: C): E[];
}

export interface CommandOptions {
  metadata: AppendOptions['metadata'];
  /** The version the client last saw (If-Match); a stream at another version refuses the command. */
  expectedVersion?: number;
  outbox?: AppendOptions['outbox'];
  /** Runs first in the command's transaction: cross-stream checks that must hold until it commits. */
  guard?: (tx: EntityManager) => Promise<void>;
  /**
   * The stream as the caller already knows it (a new stream: no state, version 0; or the result of its last command
   * on it), so the first attempt skips reading it. Should someone have written meanwhile, the append fails its version
   * check and the command is decided again on the stream as read.
   */
  from?: { state: unknown; version: number };
}

export interface CommandResult<S> {
  state: S | undefined;
  version: number;
  /** Position of the last event appended; undefined when the command changed nothing. */
  position?: number;
  /** When the events were recorded; undefined when the command changed nothing. */
  at?: Date;
}

/** The client's version no longer matches the stream: it must reload before writing. */
export class StaleVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${streamId} is at version ${actual}, the request expected ${expected}`);
  }
}

const ATTEMPTS = 12;
const BACKOFF_MS = 4;

/**
 * Runs `work` again when another writer changed a stream meanwhile, after a short random pause so that racing writers
 * spread out. For work that loads and decides afresh on each run, so a client's If-Match is checked again too.
 */
export async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StreamVersionConflict) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_MS * attempt));
    }
  }
}

/**
 * Command → decide on the stream's past → append with the version it was decided on; a racing writer makes the append
 * fail and the command is decided again on the fresh past. Never a lost update. A command with a guard (checks on
 * other streams) runs in one transaction that holds those streams' locks and its own.
 */
export class CommandRunner {
  constructor(private readonly store: EventStore) {}

  async load<S, E extends NewEvent>(
    streamId: string,
    aggregate: Pick<Aggregate<S, unknown, E>, 'evolve'>,
    executor?: EntityManager,
  ) {
    const events = await this.store.readStream(streamId, executor);
    const state = events.reduce<S | undefined>((s, e) => aggregate.evolve(s, e as StoredEvent & E), undefined);
    return { state, version: events.length === 0 ? 0 : events[events.length - 1].version };
  }

  async execute<S, C, E extends NewEvent>(
    streamId: string,
    id: string,
    aggregate: Aggregate<S, C, E>,
    command: C,
    options: CommandOptions,
  ): Promise<CommandResult<S>> {
    const { guard, expectedVersion, from, ...append } = options;
    let known = from as { state: S | undefined; version: number } | undefined;
    const decideAndAppend = async (tx?: EntityManager): Promise<CommandResult<S>> => {
      const { state, version } = known ?? (await this.load(streamId, aggregate, tx));
      known = undefined;
      if (expectedVersion !== undefined && expectedVersion !== version) {
        throw new StaleVersion(streamId, expectedVersion, version);
      }
      const events = aggregate.decide(id, state, command);
      if (events.length === 0) return { state, version };
      const appended = await this.store.append(streamId, events, { ...append, expectedVersion: version }, tx);
      return { state: events.reduce((s, e) => aggregate.evolve(s, e), state), ...appended };
    };
    // Optimistic when the command concerns its stream alone: the append itself checks the version it was decided on.
    if (!guard) return retryOnConflict(() => decideAndAppend());
    return retryOnConflict(() =>
      this.store.transaction(async (tx) => {
        await guard(tx);
        await this.store.lockStream(streamId, tx);
        return decideAndAppend(tx);
      }),
    );
  }
}
