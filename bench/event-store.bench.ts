/**
 * Append throughput of the event store, next to plain node-postgres inserts measured in the same run.
 *
 * Measures, each for a fixed duration after a short warm-up:
 *   - EventStore.append, one event per call (= one transaction), with 1 writer and with 10 concurrent writers
 *     (each writer its own stream, expectedVersion increasing);
 *   - EventStore.append with 100 events per call (events/s);
 *   - the raw baseline: a pg Pool single-row autocommit INSERT into a table shaped like `events`, with 1 and 10
 *     concurrent clients, and a 100-row multi-row INSERT.
 *
 * Absolute rates mean little on shared, noisy machines, so the figure to watch is the ratio EventStore / raw pg from
 * the same run against the same server. Target: the event store keeps ≥ 70% of the raw single-row rate.
 *
 * Creates a throw-away database thymis_bench_<random> on BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432)
 * and drops it at the end, also on error or Ctrl-C. BENCH_SECONDS sets the duration of each measurement (default 3).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { EventStore, openDatabase, type NewEvent } from '@thymis/event-store';
import { CONTROLLER_SCHEMA } from '../apps/api/src/database/schema';

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 3) * 1000;
const WARMUP_MS = 500;
const WRITERS = 10;
const BATCH = 100;
const TARGET = 0.7;

const dbName = `thymis_bench_${randomBytes(4).toString('hex')}`;
const urlFor = (database: string) => Object.assign(new URL(SERVER), { pathname: `/${database}` }).toString();

const metadata = { actor: 'bench', correlationId: '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' };
const event = (i: number): NewEvent => ({
  type: 'DeviceConfigured',
  schemaVersion: 1,
  data: { deviceId: `device-${i}`, hostname: 'kiosk-lobby', modules: ['kiosk', 'wifi'], settings: { timezone: 'UTC' } },
});

/** Runs `writers` loops of `step` (each with its own state) for a warm-up, then measures; returns items per second. */
async function rate(writers: number, itemsPerCall: number, makeStep: (writer: number) => () => Promise<unknown>) {
  const steps = Array.from({ length: writers }, (_, w) => makeStep(w));
  const run = async (ms: number) => {
    const until = performance.now() + ms;
    let calls = 0;
    await Promise.all(
      steps.map(async (step) => {
        while (performance.now() < until) {
          await step();
          calls++;
        }
      }),
    );
    return calls;
  };
  await run(WARMUP_MS);
  const start = performance.now();
  const calls = await run(MEASURE_MS);
  return (calls * itemsPerCall) / ((performance.now() - start) / 1000);
}

// EventStore: every writer appends to its own stream; `tag` keeps the streams of different measurements apart.
function storeStep(store: EventStore, tag: string, perCall: number) {
  return (writer: number) => {
    const streamId = `bench-${tag}-${writer}`;
    let version = 0;
    return async () => {
      const events = Array.from({ length: perCall }, (_, i) => event(version + i));
      await store.append(streamId, events, { expectedVersion: version, metadata });
      version += perCall;
    };
  };
}

// Raw pg: the same rows, same serialisation work (JSON.stringify per call), into a same-shaped table.
function rawStep(pool: Pool, tag: string, perCall: number) {
  const placeholders = Array.from(
    { length: perCall },
    (_, r) => `(${Array.from({ length: 6 }, (_, c) => `$${r * 6 + c + 1}`).join(', ')})`,
  ).join(', ');
  const sql = `INSERT INTO raw_events (stream_id, version, type, schema_version, data, metadata) VALUES ${placeholders}`;
  return (writer: number) => {
    const streamId = `bench-${tag}-${writer}`;
    let version = 0;
    return async () => {
      const at = new Date().toISOString();
      const params: unknown[] = [];
      for (let i = 0; i < perCall; i++) {
        const e = event(version + i);
        params.push(
          streamId,
          version + i + 1,
          e.type,
          e.schemaVersion,
          JSON.stringify(e.data),
          JSON.stringify({ ...metadata, at }),
        );
      }
      await pool.query(sql, params);
      version += perCall;
    };
  };
}

async function dropDatabase(): Promise<void> {
  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  let dataSource: DataSource | undefined;
  let pool: Pool | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await dataSource?.destroy().catch(() => undefined);
      await pool?.end().catch(() => undefined);
      await dropDatabase().catch((error) => console.error(`could not drop ${dbName}:`, error));
    })());
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    console.log(`database ${dbName} on ${new URL(SERVER).host}; ${MEASURE_MS / 1000} s per measurement\n`);
    dataSource = await openDatabase(urlFor(dbName), CONTROLLER_SCHEMA, { migrate: true });
    pool = new Pool({ connectionString: urlFor(dbName), max: WRITERS });
    await pool.query(`
      CREATE TABLE raw_events (
        position bigserial PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        UNIQUE (stream_id, version)
      )`);
    const store = new EventStore(dataSource);

    // Raw and EventStore alternate, so that a burst of load from a neighbour hits one pair rather than one side.
    const cases = [
      { name: `1 writer, 1 event/tx`, writers: 1, perCall: 1 },
      { name: `${WRITERS} writers, 1 event/tx`, writers: WRITERS, perCall: 1 },
      { name: `1 writer, ${BATCH} events/tx`, writers: 1, perCall: BATCH },
    ];
    const results: { name: string; raw: number; store: number }[] = [];
    for (const [i, c] of cases.entries()) {
      const raw = await rate(c.writers, c.perCall, rawStep(pool, `c${i}`, c.perCall));
      const es = await rate(c.writers, c.perCall, storeStep(store, `c${i}`, c.perCall));
      results.push({ name: c.name, raw, store: es });
    }

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
    console.log(`${'case'.padEnd(24)}${'raw pg ev/s'.padStart(12)}${'EventStore'.padStart(12)}${'ratio'.padStart(9)}`);
    for (const r of results) {
      console.log(
        `${r.name.padEnd(24)}${fmt(r.raw)}${fmt(r.store)}${`${((r.store / r.raw) * 100).toFixed(0)}%`.padStart(9)}`,
      );
    }
    const single = results[0].store / results[0].raw;
    console.log(
      `\ntarget: ≥ ${TARGET * 100}% of the raw single-row rate — ` +
        `${(single * 100).toFixed(0)}%: ${single >= TARGET ? 'met' : 'NOT met'}`,
    );
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
