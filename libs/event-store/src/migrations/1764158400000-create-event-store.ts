import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Copied, not imported: a migration must not change when the code around it does. Equals APPEND_MARKER in in-flight.ts. */
const APPEND_MARKER = '8388087815035944961';

/**
 * The event log, the outbox and subscriber checkpoints.
 * Appending is one function so that one round trip does the version check, the events and the outbox rows inside one
 * transaction — the append rate then stays close to a plain insert's. It does not NOTIFY: see EventStore.wakeSubscribers.
 */
export class CreateEventStore1764158400000 implements MigrationInterface {
  name = 'CreateEventStore1764158400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        position bigserial PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        -- Which transaction appended the event: one command, however many streams it touched.
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      )`);
    await db.query(`CREATE INDEX events_transaction ON events (transaction_id)`);
    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        position bigint NOT NULL REFERENCES events (position),
        topic text NOT NULL,
        payload jsonb NOT NULL,
        relayed_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE relayed_at IS NULL`);
    await db.query(`CREATE TABLE checkpoints (name text PRIMARY KEY, position bigint NOT NULL)`);
    await db.query(`
      CREATE FUNCTION append_events(p_stream_id text, p_expected_version integer, p_events jsonb, p_outbox jsonb)
      RETURNS TABLE (appended_position bigint, appended_version integer)
      LANGUAGE plpgsql AS $$
      DECLARE
        current_version integer;
      BEGIN
        -- Mark this transaction as an appender until it ends, before it draws positions: readers that find a hole
        -- wait only for the transactions holding this lock (in-flight.ts). Appends share it; a transaction appending
        -- to several streams holds it alone, so that its events get consecutive positions. Always taken before any
        -- stream lock, so that no two transactions wait on each other in a circle.
        PERFORM pg_advisory_xact_lock_shared(${APPEND_MARKER});
        -- One writer per stream at a time: a racing append waits, then fails the version check without drawing a
        -- position (a drawn position that never commits is a hole readers must wait out).
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
        SELECT coalesce(max(e.version), 0) INTO current_version FROM events e WHERE e.stream_id = p_stream_id;
        IF current_version <> p_expected_version THEN
          RAISE EXCEPTION 'stream % is at version %, not %', p_stream_id, current_version, p_expected_version
            USING ERRCODE = 'TH409', DETAIL = current_version::text;
        END IF;
        RETURN QUERY
          WITH appended AS (
            INSERT INTO events (stream_id, version, type, schema_version, data, metadata)
            SELECT p_stream_id, p_expected_version + e.n, e.event->>'type', (e.event->>'schemaVersion')::integer,
                   e.event->'data', e.event->'metadata'
            FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, n)
            ORDER BY e.n
            RETURNING events.position, events.version
          ), outboxed AS (
            INSERT INTO outbox (position, topic, payload)
            SELECT (SELECT max(a.position) FROM appended a), o->>'topic', o->'payload'
            FROM jsonb_array_elements(p_outbox) AS o
          )
          SELECT a.position, a.version FROM appended a ORDER BY a.version;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION append_events(text, integer, jsonb, jsonb)`);
    await db.query(`DROP TABLE checkpoints`);
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP TABLE events`);
  }
}
