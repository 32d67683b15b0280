import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepStaleBuildFolders } from './build-folder';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const running = (pid: number) => spawnSync('kill', ['-0', String(pid)]).status === 0;

/** A pid that belonged to a process and is free now: a worker that was killed. */
function deadPid(): number {
  const { pid } = spawnSync('true');
  return pid;
}

describe(sweepStaleBuildFolders.name, () => {
  let root: string;
  const leftovers: number[] = [];
  beforeEach(async () => (root = await mkdtemp(join(tmpdir(), 'thymis-sweep-'))));
  afterEach(async () => {
    for (const pgid of leftovers.splice(0)) spawnSync('kill', ['-KILL', `-${pgid}`]);
    await rm(root, { recursive: true, force: true });
  });

  async function folder(pid: number, task: string): Promise<string> {
    const path = join(root, `thymis-build-${pid}-${task}-abc123`);
    await mkdir(join(path, 'flake'), { recursive: true });
    return path;
  }

  /** A stand-in for the nix build a killed worker left running: its own process group, working in the flake. */
  async function leftoverBuild(path: string, cwd = join(path, 'flake')): Promise<number> {
    const child = spawn('sleep', ['300'], { cwd, detached: true, stdio: 'ignore' });
    child.unref();
    leftovers.push(child.pid!);
    await writeFile(join(path, 'nix.pgid'), String(child.pid));
    return child.pid!;
  }

  it("removes a gone worker's folders and stops the build it left running; live workers' folders stay", async () => {
    const gone = await folder(deadPid(), 'task-a');
    const build = await leftoverBuild(gone);
    const mine = await folder(process.pid, 'task-b');
    const unrelated = join(root, 'thymis-e2e-something');
    await mkdir(unrelated);

    expect(await sweepStaleBuildFolders(root)).toEqual([gone]);

    expect((await readdir(root)).sort()).toEqual([mine, unrelated].map((p) => p.slice(root.length + 1)).sort());
    for (let i = 0; i < 50 && running(build); i++) await sleep(20);
    expect(running(build)).toBe(false);
  });

  it('leaves alone a process that only took over the recorded group id', async () => {
    const gone = await folder(deadPid(), 'task-c');
    const elsewhere = await mkdtemp(join(tmpdir(), 'thymis-sweep-other-'));
    const stranger = await leftoverBuild(gone, elsewhere); // recorded, but it works somewhere else

    await sweepStaleBuildFolders(root);

    expect(existsSync(gone)).toBe(false);
    expect(running(stranger)).toBe(true);
    await rm(elsewhere, { recursive: true, force: true });
  });
});
