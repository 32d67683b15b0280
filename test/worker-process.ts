import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './nix';

/**
 * A real worker process (apps/worker/src/main.ts through ts-node, transpile only), started in a working directory
 * of the test's choosing: it finds the project by absolute paths, not by its cwd, as a worker on another machine
 * would have its own copy. Everything it needs comes from `env`.
 */
export class WorkerProcess {
  private log = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What it wrote to stdout and stderr so far. */
  output(): string {
    return this.log;
  }

  /** Starts a worker, resolving once it says it is ready (its queue workers are connected then). */
  static async start(env: NodeJS.ProcessEnv, cwd: string): Promise<WorkerProcess> {
    const module = (name: string) => join(PROJECT_ROOT, 'node_modules', name);
    const child = spawn(
      process.execPath,
      [
        '-r',
        module('ts-node/register/transpile-only'),
        '-r',
        module('tsconfig-paths/register'),
        join(PROJECT_ROOT, 'apps/worker/src/main.ts'),
      ],
      {
        cwd,
        env: { ...env, TS_NODE_PROJECT: join(PROJECT_ROOT, 'tsconfig.json'), NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const worker = new WorkerProcess(child);
    running.add(worker);
    const started = Date.now();
    while (!worker.log.includes('worker ready')) {
      if (!worker.alive || Date.now() - started > 30_000) {
        await worker.kill();
        throw new Error(`the worker did not get ready:\n${worker.log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return worker;
  }

  /** The process groups of the nix builds it runs (nix runs in a group of its own, which a SIGKILL leaves behind). */
  nixGroups(): number[] {
    return processes()
      .filter((p) => p.ppid === this.pid && p.pgid === p.pid && /\bnix\b.* build /.test(p.args))
      .map((p) => p.pgid);
  }

  /**
   * Kills it by its PID — SIGKILL, as a crash or a lost machine would — together with the nix builds it started,
   * and waits until it is gone. Harmless when it has gone already.
   */
  async kill(): Promise<void> {
    running.delete(this);
    if (!this.alive) return;
    const groups = this.nixGroups();
    process.kill(this.pid, 'SIGKILL');
    for (const group of groups) killGroup(group);
    await this.exited;
  }
}

const running = new Set<WorkerProcess>();

/** Kills every worker started and not killed yet: for afterAll. */
export async function killAllWorkers(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.kill()));
}

export interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  stat: string;
  args: string;
}

/** The processes of this machine, as ps sees them now. */
export function processes(): ProcessRow[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((row) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(row))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pid, ppid, pgid, stat, args]) => ({ pid: +pid, ppid: +ppid, pgid: +pgid, stat, args }));
}

/** Whether any member of the process group still runs (zombies are dead: init may take a while to reap them). */
export function groupAlive(pgid: number): boolean {
  return processes().some((p) => p.pgid === pgid && !p.stat.startsWith('Z'));
}

export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}
