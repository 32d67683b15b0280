import type { MigrationInterface, QueryRunner } from 'typeorm';

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
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      )`);
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
        -- Take a transaction id before drawing positions: readers treat a missing position as final only once every
        -- transaction their snapshot saw running has ended, which covers this one only if it already has an id.
        PERFORM pg_current_xact_id();
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
