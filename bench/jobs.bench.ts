/**
 * The task path at load: 5,000 probe tasks (tasks that do nothing) the whole way — POST /api/tasks/probe over HTTP to
 * the real API (in this process, on a free port, with a session cookie) → task.requested event + outbox row → relay →
 * BullMQ (job id = task id) → a worker *process* (apps/worker, concurrency 50) → task.started → task.succeeded; 50
 * requests in flight, after an uncounted warm-up of 200. Prints throughput (tasks/s, first request sent → last
 * task.succeeded) and p50/p99 of: dispatch = task.started − task.requested (metadata.at of both, from the events
 * table), split by BullMQ's job timestamps into requested → job added (the relay) and added → active (the queue); and
 * end to end = task.succeeded − when the client sent the request. All clocks are this machine's.
 *
 * For scale, the API's lightest authenticated request (GET /api/auth/me: a session lookup) runs in the same run: no
 * task can pass through the API faster than that.
 *
 * Raw baselines: BullMQ add (50 in flight) + process by a Worker in this process with concurrency 50, 5,000 no-op jobs;
 * 5,000 single-row INSERTs through a pg Pool, 50 concurrent. Absolute rates on a shared 2-core machine swing with the
 * neighbours' load, so the baselines run in the same run, seconds before, against the same Postgres and Redis, and the
 * figure to watch is the ratio of the full path to the slower one. Targets: ≥ 50% of it, dispatch p50 < 20 ms.
 *
 * Uses a throw-away database thymis_bench_jobs_<random> and Redis prefix (BENCH_POSTGRES_URL, BENCH_REDIS_URL); at the
 * end, also on error or Ctrl-C, kills the worker by PID, obliterates the prefix's queues and drops the database.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { loadConfig } from '@thymis/config';
import { openDatabase } from '@thymis/event-store';
import { bullConnection, QueueName } from '@thymis/queue';
import { createApi } from '../apps/api/src/api';
import { CONTROLLER_SCHEMA } from '../apps/api/src/database/schema';

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const [TASKS, IN_FLIGHT] = [Number(process.env.BENCH_TASKS ?? 5000), Number(process.env.BENCH_IN_FLIGHT ?? 50)];
const [WARMUP, RAW_QUEUE] = [200, 'bench-raw'];
const [TARGET_RATIO, TARGET_DISPATCH_MS] = [0.5, 20];
const id = randomBytes(4).toString('hex');
const [dbName, prefix] = [`thymis_bench_jobs_${id}`, `thymis-bench-jobs-${id}`];
const urlFor = (database: string) => Object.assign(new URL(SERVER), { pathname: `/${database}` }).toString();
const env = { DATABASE_URL: urlFor(dbName), REDIS_URL, THYMIS_REDIS_PREFIX: prefix };
const config = loadConfig({ ...env, THYMIS_STATE_DIR: join(tmpdir(), prefix) });
const connection = bullConnection(config) as { connection: ConnectionOptions; prefix: string };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT }); // the bench's HTTP client
let stopping = false; // Ctrl-C: stop sending work, so that the API can close

/** Runs `work(0..count-1)` with at most IN_FLIGHT calls pending; returns the elapsed seconds. */
async function pooled(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const start = Date.now();
  let next = 0;
  const loop = async () => {
    while (next < count && !stopping) await work(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
  return (Date.now() - start) / 1000;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil(p * values.length) - 1];

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: urlFor('postgres') });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function rawInserts(): Promise<number> {
  const pool = new Pool({ connectionString: urlFor(dbName), max: IN_FLIGHT });
  try {
    await pool.query('CREATE TABLE raw_rows (id bigserial PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL)');
    const insert = (i: number) =>
      pool.query('INSERT INTO raw_rows (stream_id, data) VALUES ($1, $2)', [randomUUID(), JSON.stringify({ i })]);
    await pooled(WARMUP, insert); // connections open, the plan cached
    return TASKS / (await pooled(TASKS, insert));
  } finally {
    await pool.end();
  }
}

/** Jobs/s from the first add until the worker completed the last, once after a warm-up round. */
async function rawBullmq(): Promise<number> {
  const queue = new Queue(RAW_QUEUE, connection);
  let completed = 0;
  const worker = new Worker(RAW_QUEUE, () => Promise.resolve(), { ...connection, concurrency: IN_FLIGHT });
  worker.on('completed', () => completed++);
  try {
    await worker.waitUntilReady();
    let rate = 0;
    for (const count of [WARMUP, TASKS]) {
      const [start, until] = [Date.now(), completed + count];
      await pooled(count, () => queue.add('noop', {}, { jobId: randomUUID(), removeOnComplete: false }));
      while (completed < until && !stopping) await sleep(1);
      rate = count / ((Date.now() - start) / 1000);
    }
    return rate;
  } finally {
    await worker.close();
    await queue.close();
  }
}

/** The worker process, as an operator starts it; `ready` once it says so. */
function spawnWorker(): ChildProcess & { ready: Promise<void> } {
  const args = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: resolve(__dirname, '..'),
    env: { ...process.env, ...env, THYMIS_STATE_DIR: config.stateDir, THYMIS_WORKER_CONCURRENCY: '50' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()).includes('worker ready') && done());
    child.once('exit', (code) => fail(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
    setTimeout(() => fail(new Error(`worker not ready after 120 s:\n${output}`)), 120_000).unref();
  });
  return Object.assign(child, { ready });
}

/** Sends a request over a keep-alive connection (lighter on this process than fetch); resolves with the body. */
function send(port: number, cookie: string, method: string, path: string, status: number): Promise<string> {
  return new Promise((done, fail) => {
    const req = request({ port, agent, method, path, headers: { cookie } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => (res.statusCode === status ? done(body) : fail(new Error(body))));
    });
    req.on('error', fail).end();
  });
}

/** POSTs a probe; resolves with the task id. */
const postProbe = async (port: number, cookie: string): Promise<string> =>
  JSON.parse(await send(port, cookie, 'POST', '/api/tasks/probe', 202)).taskId as string;

async function fullPath(port: number, pool: Pool) {
  const password = (await readFile(config.auth.passwordFile, 'utf8')).trim();
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: config.auth.username, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const [cookie] = login.headers.getSetCookie()[0].split(';'); // thymis_session=…
  const count = async (type: string) =>
    Number((await pool.query('SELECT count(*) FROM events WHERE type = $1', [type])).rows[0].count);
  const settled = async (expected: number) => {
    for (const until = Date.now() + 300_000; (await count('task.succeeded')) < expected; await sleep(200)) {
      if (stopping || (await count('task.failed')) > 0 || Date.now() > until) throw new Error('probes fail or hang');
    }
  };
  // The API's own ceiling on this machine: its lightest authenticated request (a session lookup, no write).
  const whoAmI = () => send(port, cookie, 'GET', '/api/auth/me', 200);
  await pooled(WARMUP, whoAmI);
  const ceiling = TASKS / (await pooled(TASKS, whoAmI));
  await pooled(WARMUP, () => postProbe(port, cookie));
  await settled(WARMUP);
  const sent = new Map<string, number>();
  const start = Date.now();
  await pooled(TASKS, async () => {
    const at = Date.now();
    sent.set(await postProbe(port, cookie), at);
  });
  const accepted = TASKS / ((Date.now() - start) / 1000);
  await settled(WARMUP + TASKS);
  const times = new Map<string, Record<string, number>>();
  const { rows } = await pool.query<{ stream_id: string; type: string; at: string }>(
    `SELECT stream_id, type, metadata->>'at' AS at FROM events WHERE type LIKE 'task.%'`,
  );
  for (const { stream_id, type, at } of rows) {
    const taskId = stream_id.slice('task-'.length);
    if (sent.has(taskId)) times.set(taskId, { ...times.get(taskId), [type]: Date.parse(at) });
  }
  const queue = new Queue(QueueName.Probes, connection);
  const jobs = (await queue.getJobs(['completed'], 0, -1).finally(() => queue.close())).filter((j) => sent.has(j.id!));
  const tasks = [...times.entries()];
  const last = Math.max(...tasks.map(([, t]) => t['task.succeeded']));
  return {
    ceiling,
    accepted,
    rate: TASKS / ((last - start) / 1000),
    latencies: {
      'dispatch: task.requested → task.started': tasks.map(([, t]) => t['task.started'] - t['task.requested']),
      '  task.requested → job added (relay)': jobs.map((j) => j.timestamp - times.get(j.id!)!['task.requested']),
      '  job added → job active (queue)': jobs.map((j) => j.processedOn! - j.timestamp),
      'end to end: request sent → task.succeeded': tasks.map(([taskId, t]) => t['task.succeeded'] - sent.get(taskId)!),
    },
  };
}

async function main(): Promise<void> {
  let worker: ReturnType<typeof spawnWorker> | undefined;
  let api: Awaited<ReturnType<typeof createApi>> | undefined;
  let pool: Pool | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      agent.destroy();
      if (worker?.pid && worker.exitCode === null && worker.signalCode === null) {
        const exited = new Promise((done) => worker!.once('exit', done));
        process.kill(worker.pid, 'SIGTERM');
        if (!(await Promise.race([exited.then(() => true), sleep(10_000)]))) process.kill(worker.pid, 'SIGKILL');
      }
      await api?.close().catch((error) => console.error('could not close the API:', error));
      await pool?.end().catch(() => undefined);
      for (const name of [...Object.values(QueueName), RAW_QUEUE]) {
        const queue = new Queue(name, connection);
        await queue.obliterate({ force: true }).catch((error) => console.error(`could not obliterate ${name}:`, error));
        await queue.close();
      }
      await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) => console.error(`drop ${dbName}:`, e));
      await rm(config.stateDir, { recursive: true, force: true });
    })());
  // `on`, not `once`: the API's shutdown hook raises SIGINT again after closing; that must not end us before cleanup.
  process.on('SIGINT', () => {
    stopping = true;
    void cleanup().finally(() => process.exit(130));
  });

  try {
    console.log(`database ${dbName}, Redis prefix ${prefix}; ${TASKS} tasks, ${IN_FLIGHT} in flight\n`);
    await admin(`CREATE DATABASE "${dbName}"`);
    await (await openDatabase(urlFor(dbName), CONTROLLER_SCHEMA, { migrate: true })).destroy();
    // Baselines first: the API's and worker's idle timers and projections must not run beside them.
    const rawPg = await rawInserts();
    const rawBull = await rawBullmq();
    worker = spawnWorker();
    await worker.ready;
    api = await createApi(config);
    api.useLogger(['error', 'warn']);
    await api.listen(0, '127.0.0.1');
    pool = new Pool({ connectionString: urlFor(dbName), max: 2 });
    const full = await fullPath((api.getHttpServer().address() as AddressInfo).port, pool);

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
    const row = (name: string, ...values: number[]) => console.log(`${name.padEnd(46)}${values.map(fmt).join('')}`);
    console.log(`${'throughput'.padEnd(46)}${'per s'.padStart(10)}`);
    row(`raw pg single-row INSERT, ${IN_FLIGHT} concurrent`, rawPg);
    row(`raw BullMQ add + process, concurrency ${IN_FLIGHT}`, rawBull);
    row('API alone: GET /api/auth/me (no write)', full.ceiling);
    row('full path: probe requests accepted (202)', full.accepted);
    row('full path: probe tasks succeeded', full.rate);
    console.log(`\n${'latency (ms)'.padEnd(46)}${'p50'.padStart(10)}${'p99'.padStart(10)}`);
    for (const [name, v] of Object.entries(full.latencies)) row(name, percentile(v, 0.5), percentile(v, 0.99));
    const ratio = full.rate / Math.min(rawPg, rawBull);
    const dispatch = percentile(Object.values(full.latencies)[0], 0.5);
    console.log(
      `\ntarget: full path ≥ ${TARGET_RATIO * 100}% of the slower raw baseline — ${(ratio * 100).toFixed(1)}%: ` +
        `${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}\ntarget: dispatch p50 < ${TARGET_DISPATCH_MS} ms — ` +
        `${dispatch} ms: ${dispatch < TARGET_DISPATCH_MS ? 'met' : 'NOT met'}`,
    );
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
