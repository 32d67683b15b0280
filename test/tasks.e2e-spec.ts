import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Response } from 'supertest';
import { BuildStack, until, type TaskBody } from './build-stack';
import { groupAlive, type WorkerProcess } from './worker-process';

// Real worker processes, real Redis, real Debian Nix (private offline store) building the generated flake against
// the stand-in nixpkgs. Workers run one build at a time, so that with two of them each takes one of two builds.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const binary = (response: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('image build tasks', () => {
  let stack: BuildStack;
  let worker: WorkerProcess;
  beforeAll(async () => {
    stack = await BuildStack.start({ concurrency: 1 });
    worker = await stack.startWorker();
  }, 60_000);
  afterAll(() => stack?.close(), 30_000);

  const artifact = (id: string) => stack.user.get(`/api/tasks/${id}/artifact`).buffer(true).parse(binary);

  it('builds an image as requested: progress 100%, complete logs, the store output byte for byte; later edits stay out', async () => {
    await stack.createConfig('alpha');
    const id = await stack.requestBuild('alpha');
    // Edited right after the request: the build still renders the configuration as it was then.
    await stack.user.patch('/api/configs/alpha').send({ hardwareModel: 'raspberry-pi-5' }).expect(200);

    const task = await stack.waitFor(id, 'succeeded');
    expect(task).toMatchObject({
      type: 'image-build',
      configId: 'alpha',
      attempts: 1,
      retryOf: null,
      reason: null,
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      artifact: { name: 'thymis-image-alpha.img', size: 64 * 1024, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(task.progress?.percent).toBe(100);
    expect(task.progress?.builds.done).toBeGreaterThan(0);
    expect(task.progress?.builds).toMatchObject({ done: task.progress?.builds.expected, running: 0, failed: 0 });

    const logs = await stack.logs(id);
    expect(logs.complete).toBe(true);
    expect(logs.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^building '.*-thymis-image-alpha-/)]));

    const download = await artifact(id).expect(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="thymis-image-alpha.img"');
    expect(download.headers['content-length']).toBe(String(64 * 1024));
    expect(download.headers['content-type']).toBe('application/octet-stream');
    const image = download.body as Buffer;
    expect(image.equals(await stack.storeImage(id, 'alpha'))).toBe(true);
    expect(createHash('sha256').update(image).digest('hex')).toBe(task.artifact?.sha256);
    expect(image.toString('latin1', 0, 200)).toMatch(/^Thymis stand-in image.*\nformat: sd-card-image\n/);
    expect(image.toString('latin1', 0, 200)).toContain('\nhardware model: raspberry-pi-4\n');

    // A build requested now renders the edit (a later position, another commit).
    const later = await stack.waitFor(await stack.requestBuild('alpha'), 'succeeded');
    expect(later.position).toBeGreaterThan(task.position);
    expect(later.commit).not.toBe(task.commit);
    const edited = (await artifact(later.id).expect(200)).body as Buffer;
    expect(edited.toString('latin1', 0, 200)).toContain('\nhardware model: raspberry-pi-5\n');
  });

  it('lists tasks with filters and paging, newest first, with the total', async () => {
    await stack.createConfig('listed');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(await stack.requestBuild('listed'));
    await Promise.all(ids.map((id) => stack.waitFor(id, 'succeeded')));
    const newestFirst = [...ids].reverse();
    const list = async (query: object) =>
      (await stack.user.get('/api/tasks').query(query).expect(200)).body as { items: TaskBody[]; total: number };

    const all = await list({ configId: 'listed' });
    expect(all.total).toBe(3);
    expect(all.items.map((t) => t.id)).toEqual(newestFirst);
    expect(all.items[0]).toMatchObject({ configId: 'listed', type: 'image-build', status: 'succeeded' });

    expect(await list({ configId: 'listed', limit: 2 })).toEqual({ items: all.items.slice(0, 2), total: 3 });
    expect(await list({ configId: 'listed', limit: 2, offset: 2 })).toEqual({ items: all.items.slice(2), total: 3 });
    expect(await list({ configId: 'listed', offset: 5 })).toEqual({ items: [], total: 3 });
    expect((await list({ configId: 'listed', status: 'succeeded', type: 'image-build' })).total).toBe(3);
    expect(await list({ configId: 'listed', status: 'failed' })).toEqual({ items: [], total: 0 });
    // `state`, as the contract names it; `status` is its other name.
    expect(await list({ configId: 'listed', state: 'succeeded' })).toEqual(all);
    expect(await list({ configId: 'listed', state: 'queued', status: 'queued' })).toEqual({ items: [], total: 0 });
    expect(await list({ configId: 'nobody' })).toEqual({ items: [], total: 0 });

    const succeeded = await list({ status: 'succeeded', limit: 500 });
    expect(succeeded.total).toBeGreaterThanOrEqual(3);
    expect(succeeded.items.every((t) => t.status === 'succeeded')).toBe(true);
    expect((await list({})).total).toBe(succeeded.total);
  });

  it('refuses bad input without writing anything', async () => {
    const refused = (send: () => Promise<Response>) => stack.api.refused(send);
    expect((await refused(() => stack.user.post('/api/configs/ghost/image-builds'))).status).toBe(404);
    for (const query of [
      { status: 'done' },
      { state: 'done' },
      { state: 'queued', status: 'running' },
      { type: 'flash' },
      { limit: 0 },
      { limit: 501 },
      { limit: 'ten' },
      { offset: -1 },
    ]) {
      expect({ query, status: (await refused(() => stack.user.get('/api/tasks').query(query))).status }).toEqual({
        query,
        status: 400,
      });
    }
    for (const id of ['not-a-uuid', randomUUID()]) {
      for (const [method, path] of [
        ['get', `/api/tasks/${id}`],
        ['get', `/api/tasks/${id}/logs`],
        ['get', `/api/tasks/${id}/artifact`],
        ['post', `/api/tasks/${id}/cancel`],
        ['post', `/api/tasks/${id}/retry`],
      ] as const) {
        const response = await refused(() => stack.user[method](path));
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      }
    }
  });

  it('cancels a running build (its nix process group is gone), then retries it as a new task linked to the old', async () => {
    const gate = await stack.gate('slow');
    await stack.createConfig('slow', [gate.module]);
    const id = await stack.requestBuild('slow');
    await until(gate.lastBeat, (beat) => beat > 0);
    // While it runs: progress short of 100% naming what builds, and the log so far.
    const running = await until(
      () => stack.task(id),
      (task) => task.progress?.activity === 'building gate-slow',
    );
    expect(running).toMatchObject({ status: 'running', attempts: 1 });
    expect(running.progress?.percent).toBeLessThan(100);
    const tail = await until(
      () => stack.logs(id),
      (logs) => logs.lines.includes('gate-slow> waiting at the gate'),
    );
    expect(tail.complete).toBe(false);
    expect((await stack.api.refused(() => stack.user.post(`/api/tasks/${id}/retry`))).status).toBe(409);
    const [group, ...more] = worker.nixGroups();
    expect(more).toEqual([]);
    expect(groupAlive(group)).toBe(true);

    await stack.user.post(`/api/tasks/${id}/cancel`).expect(204);
    expect(await stack.task(id)).toMatchObject({
      status: 'cancelled',
      reason: expect.stringMatching(/^cancelled by /),
    });
    await until(
      () => groupAlive(group),
      (alive) => !alive,
      10_000,
    );
    // Its builder is gone too: the heartbeat stops.
    const lastBeat = await gate.lastBeat();
    await sleep(600);
    expect(await gate.lastBeat()).toBe(lastBeat);
    expect((await stack.api.refused(() => stack.user.post(`/api/tasks/${id}/cancel`))).status).toBe(409);
    expect((await stack.logs(id)).complete).toBe(true);
    expect((await stack.api.refused(() => stack.user.get(`/api/tasks/${id}/artifact`))).status).toBe(404);

    const retried = await stack.user.post(`/api/tasks/${id}/retry`).expect(202);
    const retry = retried.body.taskId as string;
    expect(retry).not.toBe(id);
    await until(gate.lastBeat, (beat) => beat > lastBeat);
    await gate.open();
    expect(await stack.waitFor(retry, 'succeeded')).toMatchObject({
      configId: 'slow',
      retryOf: id,
      position: running.position,
      commit: running.commit,
      attempts: 1,
      artifact: { name: 'thymis-image-slow.img' },
    });
    expect(await stack.task(id)).toMatchObject({ status: 'cancelled', retryOf: null });
    const linked = await stack.user.get('/api/tasks').query({ configId: 'slow' }).expect(200);
    expect(linked.body.items.map((t: TaskBody) => [t.id, t.retryOf])).toEqual([
      [retry, id],
      [id, null],
    ]);
  });

  it('shares the queue with a second worker process: both are listed, each runs one of two builds', async () => {
    const second = await stack.startWorker();
    const queues = async () =>
      (await stack.user.get('/api/queues').expect(200)).body as {
        name: string;
        counts: Record<string, number>;
        workers: { name: string; address: string; age: number }[];
      }[];
    const imageBuilds = async () => (await queues()).find((q) => q.name === 'image-builds')!;
    const names = [worker, second].map((w) => `${hostname()}:${w.pid}`);
    await until(imageBuilds, (q) => names.every((name) => q.workers.some((w) => w.name === name)), 10_000);

    const all = await queues();
    expect(all.map((q) => q.name)).toEqual(expect.arrayContaining(['image-builds', 'maintenance']));
    for (const queue of all) {
      // (The counts carry BullMQ's `prioritized` too, beyond the documented six: see the report.)
      expect(queue).toMatchObject({
        name: queue.name,
        counts: {
          waiting: expect.any(Number),
          active: expect.any(Number),
          completed: expect.any(Number),
          failed: expect.any(Number),
          delayed: expect.any(Number),
          paused: expect.any(Number),
        },
        workers: expect.any(Array),
      });
      for (const w of queue.workers) {
        expect(w).toEqual({ name: expect.any(String), address: expect.any(String), age: expect.any(Number) });
      }
      // Every queue names its workers as the task events do: host:pid.
      expect(queue.workers.map((w) => w.name).sort()).toEqual([...names].sort());
    }

    const gates = await Promise.all(['left', 'right'].map((name) => stack.gate(name)));
    await stack.createConfig('left', [gates[0].module]);
    await stack.createConfig('right', [gates[1].module]);
    const ids = [await stack.requestBuild('left'), await stack.requestBuild('right')];
    // Both wait at their gates at once: one worker, running one build at a time, could not do that.
    await Promise.all(gates.map((gate) => until(gate.lastBeat, (beat) => beat > 0)));
    expect((await imageBuilds()).counts).toMatchObject({ active: 2, waiting: 0 });
    await Promise.all(gates.map((gate) => gate.open()));
    for (const id of ids) expect((await stack.waitFor(id, 'succeeded')).artifact).not.toBeNull();
    const startedBy = await Promise.all(ids.map((id) => stack.startedBy(id)));
    expect(startedBy.flat().sort()).toEqual([...names].sort());
  });

  it('answers 401 on every task and queue route without credentials', async () => {
    const id = randomUUID();
    const anonymous = stack.api.anonymous();
    for (const [method, path] of [
      ['post', '/api/configs/alpha/image-builds'],
      ['get', '/api/tasks'],
      ['get', `/api/tasks/${id}`],
      ['get', `/api/tasks/${id}/logs`],
      ['get', `/api/tasks/${id}/artifact`],
      ['post', `/api/tasks/${id}/cancel`],
      ['post', `/api/tasks/${id}/retry`],
      ['get', '/api/queues'],
    ] as const) {
      const response = await anonymous[method](path);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 401 });
    }
  });
});
