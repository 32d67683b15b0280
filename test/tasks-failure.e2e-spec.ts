import { hostname } from 'node:os';
import { BuildStack, until } from './build-stack';
import { RedisServer } from './redis-server';
import { groupAlive, killAllWorkers, type WorkerProcess } from './worker-process';

// Image builds when things break: a worker process SIGKILLed mid-build (with its nix build: the machine is gone),
// and Redis stopped and started again. Real worker processes, real Redis, real Nix (see tasks.e2e-spec.ts).

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nameOf = (worker: WorkerProcess) => `${hostname()}:${worker.pid}`;

describe('a worker killed mid-build', () => {
  let stack: BuildStack;
  beforeAll(async () => (stack = await BuildStack.start({ concurrency: 1 })), 60_000);
  afterAll(() => stack?.close(), 30_000);

  /** Kills the worker while it waits at the gate, with its nix build; answers when the builder stopped. */
  async function killMidBuild(worker: WorkerProcess, gate: Awaited<ReturnType<BuildStack['gate']>>, after = 0) {
    await until(gate.lastBeat, (beat) => beat > after);
    const groups = worker.nixGroups();
    expect(groups).toHaveLength(1);
    await worker.kill();
    await until(
      () => groupAlive(groups[0]),
      (alive) => !alive,
      10_000,
    );
    const last = await gate.lastBeat();
    await sleep(400);
    expect(await gate.lastBeat()).toBe(last);
    return last;
  }

  it('is taken up again by another worker: the task ends succeeded on its second attempt', async () => {
    const gate = await stack.gate('phoenix');
    await stack.createConfig('phoenix', [gate.module]);
    const first = await stack.startWorker();
    const id = await stack.requestBuild('phoenix');
    const killedAt = await killMidBuild(first, gate);
    expect(await stack.task(id)).toMatchObject({ status: 'running', attempts: 1 });

    const second = await stack.startWorker();
    // Its lock (THYMIS_WORKER_LOCK_MS=2000) runs out; the second worker finds the job stalled and runs it again.
    await until(gate.lastBeat, (beat) => beat > killedAt, 20_000);
    expect(await stack.task(id)).toMatchObject({ status: 'running', attempts: 2 });
    await gate.open();
    expect(await stack.waitFor(id, undefined, 20_000)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      artifact: { name: 'thymis-image-phoenix.img' },
    });
    expect(await stack.startedBy(id)).toEqual([nameOf(first), nameOf(second)]);
  }, 60_000);

  it('killed on every attempt: the task ends failed with the reason, never running forever', async () => {
    const gate = await stack.gate('doomed');
    await stack.createConfig('doomed', [gate.module]);
    await killAllWorkers(); // the one left by the test before
    const first = await stack.startWorker();
    const id = await stack.requestBuild('doomed');
    const killedAt = await killMidBuild(first, gate);
    const second = await stack.startWorker();
    await killMidBuild(second, gate, killedAt);
    // A worker must be up to find the job stalled (again): it fails it, and the API fails the task with the reason.
    await stack.startWorker();

    const task = await stack.waitFor(id, undefined, 20_000);
    expect(task).toMatchObject({ status: 'failed', attempts: 2, artifact: null });
    expect(task.reason).toMatch(/stalled/);
  }, 60_000); // two lock expiries and a stall check: about 20 s, more on a busy machine
});

describe('Redis stopped and started again', () => {
  let redis: RedisServer;
  let stack: BuildStack;
  beforeAll(async () => {
    redis = await RedisServer.start();
    stack = await BuildStack.start({ redisUrl: redis.url });
    await stack.startWorker();
  }, 60_000);
  afterAll(async () => {
    try {
      await stack?.close();
    } finally {
      await redis?.stop();
    }
  }, 30_000);

  it('accepts a build while Redis is down (202) and runs it once Redis is back', async () => {
    await stack.createConfig('offline');
    await stack.waitFor(await stack.requestBuild('offline'), 'succeeded');

    // BullMQ prints connection errors with console.error where no 'error' listener is set: kept quiet here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await redis.stop();
    const requested = Date.now();
    const id = await stack.requestBuild('offline');
    expect(Date.now() - requested).toBeLessThan(2000);
    await sleep(1000);
    expect(await stack.task(id)).toMatchObject({ status: 'queued', attempts: 0 });

    await redis.start();
    quiet.mockRestore();
    const task = await stack.waitFor(id, 'succeeded', 30_000);
    expect(task).toMatchObject({ attempts: 1, artifact: { name: 'thymis-image-offline.img', size: 64 * 1024 } });
    expect(task.progress?.percent).toBe(100);
    await stack.user.get(`/api/tasks/${id}/artifact`).expect(200);
    expect((await stack.logs(id)).complete).toBe(true);
  });
});
