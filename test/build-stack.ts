import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Redis from 'ioredis';
import { startApi, type ApiHarness } from './api-harness';
import { copyThymisFlake, makeTempDir, nixEnv, removeTempDir, STAND_IN_NIXPKGS } from './nix';
import { killAllWorkers, WorkerProcess } from './worker-process';

/** A task as GET /api/tasks/:id answers it. */
export interface TaskBody {
  id: string;
  type: string;
  configId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  position: number;
  commit: string | null;
  attempts: number;
  retryOf: string | null;
  artifact: { name: string; size: number; sha256: string } | null;
  reason: string | null;
  progress: {
    builds: { done: number; expected: number; running: number; failed: number };
    activity?: string;
    percent: number;
  } | null;
}

const ENDED = ['succeeded', 'failed', 'cancelled'];

/** Polls `read` until `done` holds of what it answers, failing with the last answer after `timeoutMs`. */
export async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The API (in this process, on its own database and Redis key prefix) and real worker processes, with real Nix on a
 * private offline store: the generated flake's inputs are redirected to the stand-in nixpkgs and a copy of this
 * project's flake by THYMIS_NIXPKGS_URL/THYMIS_DEVICE_MODULES_URL, as an air-gapped site would redirect them.
 */
export class BuildStack {
  private workers = 0;
  private gates = 0;

  private constructor(
    readonly api: ApiHarness,
    readonly tmp: string,
    /** The environment workers get: the Nix env plus the API's database, Redis, prefix and state folder. */
    readonly workerEnv: NodeJS.ProcessEnv,
    private readonly savedEnv: NodeJS.ProcessEnv,
  ) {}

  /** `redisUrl`: a Redis of the test's own; else the machine's. */
  static async start(options: { redisUrl?: string; concurrency?: number } = {}): Promise<BuildStack> {
    const tmp = await makeTempDir('thymis-tasks-');
    const nix = nixEnv(join(tmp, 'nix'));
    const env = {
      THYMIS_NIXPKGS_URL: `path:${STAND_IN_NIXPKGS}`,
      THYMIS_DEVICE_MODULES_URL: await copyThymisFlake(join(tmp, 'thymis')),
      // A prefix of this stack's own: no other test file's worker takes its jobs, nor its workers theirs.
      THYMIS_REDIS_PREFIX: `thymis-test-${process.env.THYMIS_TEST_RUN}-tasks-${randomBytes(4).toString('hex')}`,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    };
    // The API checks Custom Nix with nix-instantiate: on the private store too.
    const savedEnv = { ...process.env };
    Object.assign(process.env, nix);
    let api: ApiHarness;
    try {
      api = await startApi(env);
    } catch (error) {
      restoreEnv(savedEnv);
      await removeTempDir(tmp);
      throw error;
    }
    const workerEnv: NodeJS.ProcessEnv = {
      ...nix,
      ...env,
      DATABASE_URL: api.config.database.url,
      REDIS_URL: api.config.redis.url,
      THYMIS_STATE_DIR: api.config.stateDir,
      THYMIS_WORKER_LOCK_MS: '2000',
      THYMIS_WORKER_CONCURRENCY: String(options.concurrency ?? 4),
    };
    return new BuildStack(api, tmp, workerEnv, savedEnv);
  }

  get user() {
    return this.api.user;
  }

  /**
   * A worker process in a working directory of its own (not the API's): it needs only Postgres and Redis. `env`
   * overrides, e.g. for a worker on another machine with a state folder of its own.
   */
  async startWorker(env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
    const cwd = join(this.tmp, `worker-${(this.workers += 1)}`);
    // Its build trees too, which a killed worker leaves behind: removed with the rest.
    await mkdir(join(cwd, 'tmp'), { recursive: true });
    return WorkerProcess.start({ ...this.workerEnv, TMPDIR: join(cwd, 'tmp'), ...env }, cwd);
  }

  /** Creates a configuration (a Raspberry Pi 4: an .img), with the given modules. */
  async createConfig(identifier: string, modules: object[] = []): Promise<void> {
    await this.user
      .post('/api/configs')
      .send({ displayName: identifier, identifier, hardwareModel: 'raspberry-pi-4' })
      .expect(201);
    for (const module of modules) await this.user.post(`/api/configs/${identifier}/modules`).send(module).expect(201);
  }

  /**
   * A gate for a build: a Custom Nix module whose derivation waits while the gate file exists (and for a minute at
   * most), touching the heartbeat file while it waits. `open()` lets it finish; the heartbeat shows the builder runs.
   */
  async gate(name: string) {
    const dir = join(this.tmp, `gate-${(this.gates += 1)}`);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'closed');
    const beat = join(dir, 'beat');
    await writeFile(file, '');
    const code = `{ pkgs, ... }:
{
  environment.etc."gate".source = pkgs.runCommand "gate-${name}" { } ''
    echo "waiting at the gate"
    n=0
    while [ -e ${file} ] && [ $n -lt 600 ]; do touch ${beat}; sleep 0.1; n=$((n + 1)); done
    echo "through the gate"
    mkdir -p "$out"
    echo ok > "$out/gate"
  '';
}
`;
    return {
      module: { type: 'custom-nix', settings: { code } },
      open: () => rm(file, { force: true }),
      /** When the builder last touched the heartbeat, 0 before it ever did. */
      lastBeat: async () => (await stat(beat).catch(() => undefined))?.mtimeMs ?? 0,
    };
  }

  async requestBuild(configId: string): Promise<string> {
    const response = await this.user.post(`/api/configs/${configId}/image-builds`).expect(202);
    expect(response.body).toEqual({ taskId: expect.any(String) });
    return response.body.taskId as string;
  }

  async task(id: string): Promise<TaskBody> {
    return (await this.user.get(`/api/tasks/${id}`).expect(200)).body as TaskBody;
  }

  /** Waits for the task to reach `status` (or to end, without one): bounded, never forever. */
  waitFor(id: string, status?: TaskBody['status'], timeoutMs = 45_000): Promise<TaskBody> {
    return until(
      () => this.task(id),
      (task) => (status ? task.status === status : ENDED.includes(task.status)),
      timeoutMs,
    );
  }

  async logs(id: string): Promise<{ lines: string[]; complete: boolean }> {
    return (await this.user.get(`/api/tasks/${id}/logs`).expect(200)).body;
  }

  /** The image file in the worker's Nix store that the build of the task made, found by the derivation in its logs. */
  async storeImage(id: string, configId: string): Promise<Buffer> {
    const { lines } = await this.logs(id);
    const drvs = lines
      .map((line) => new RegExp(`'(/\\S+-thymis-image-${configId}-[\\w-]+\\.drv)'`).exec(line)?.[1])
      .filter((drv) => drv !== undefined);
    expect(drvs.length).toBeGreaterThan(0);
    const out = execFileSync('nix-store', ['--query', '--outputs', drvs[0]], {
      env: this.workerEnv,
      encoding: 'utf8',
    }).trim();
    const files = (await readdir(out)).filter((name) => name !== 'nix-support');
    expect(files).toHaveLength(1);
    return readFile(join(out, files[0]));
  }

  /** Every event in the log, in order. */
  async events(): Promise<{ type: string; streamId: string; data: Record<string, unknown> }[]> {
    const all = [];
    for (let after = 0; ;) {
      const page = (await this.user.get('/api/events').query({ after, limit: 1000 }).expect(200)).body;
      if (page.items.length === 0) return all;
      all.push(...page.items);
      after = page.next;
    }
  }

  /** The workers that started the task, one per attempt, as its task.started events name them. */
  async startedBy(id: string): Promise<string[]> {
    return (await this.events())
      .filter((e) => e.type === 'task.started' && e.streamId.includes(id))
      .map((e) => String(e.data.worker));
  }

  async close(): Promise<void> {
    await killAllWorkers();
    const redis = new Redis(this.api.config.redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      const keys = await redis.keys(`${this.api.config.redis.prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } catch {
      // A Redis of the test's own may be gone already.
    } finally {
      redis.disconnect();
    }
    await this.api.close();
    restoreEnv(this.savedEnv);
    await removeTempDir(this.tmp);
  }
}

function restoreEnv(saved: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
}
