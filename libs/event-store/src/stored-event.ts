/** Who caused an event, in answer to what, and when. */
export interface EventMetadata {
  actor: string;
  correlationId: string;
  at: string;
  /** Why, when the events serve a larger intent than their own (e.g. "Revert to 1a2b3c4"). */
  cause?: string;
}

export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** An event as the log holds it. */
export interface StoredEvent<D = unknown> extends NewEvent {
  position: number;
  /** The appending transaction: events of one command share it, and their positions are consecutive. */
  transactionId: string;
  streamId: string;
  version: number;
  data: D;
  metadata: EventMetadata;
}

/** A side effect to carry out once the events are committed (relayed from the outbox). */
export interface OutboxMessage {
  topic: string;
  payload: unknown;
}

export class StreamVersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(`stream ${streamId} is at version ${actualVersion ?? 'unknown'}, not ${expectedVersion}`);
  }
}

export interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
}

export const EVENT_COLUMNS = 'position, transaction_id, stream_id, version, type, schema_version, data, metadata';

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  position: Number(row.position),
  transactionId: row.transaction_id,
  streamId: row.stream_id,
  version: row.version,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
});
