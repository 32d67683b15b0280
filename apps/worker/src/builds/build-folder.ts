import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'thymis-build-';
const NIX_GROUP_FILE = 'nix.pgid';

/**
 * A build's scratch folder, named after the worker process that owns it: `thymis-build-<pid>-<task>-XXXXXX`, holding
 * the flake tree in `flake/` and the nix process group in `nix.pgid`. A worker killed with SIGKILL cannot clean up;
 * the next worker on the host finds its folders by the dead pid (see sweepStaleBuildFolders).
 */
export class BuildFolder {
  private constructor(readonly path: string) {}

  static async open(taskId: string): Promise<BuildFolder> {
    return new BuildFolder(await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-${taskId}-`)));
  }

  get flake(): string {
    return join(this.path, 'flake');
  }

  /** Remembers the nix process group, so that a sweep after a crash can stop the build this worker left running. */
  recordNixGroup(pgid: number): Promise<void> {
    return writeFile(join(this.path, NIX_GROUP_FILE), String(pgid));
  }

  remove(): Promise<void> {
    return rm(this.path, { recursive: true, force: true });
  }
}

/**
 * Removes the build folders of worker processes on this host that are gone, after killing the nix builds they left
 * running. Folders of live workers (this one, or others sharing the host) are left alone. Returns what was removed.
 */
export async function sweepStaleBuildFolders(root = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const owner = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (owner === undefined || alive(Number(owner))) continue;
    const path = join(root, name);
    await killLeftoverNix(path);
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

/** Kills the recorded nix group, but only if its leader still works in this folder: a reused pgid is someone else's. */
async function killLeftoverNix(folder: string): Promise<void> {
  const pgid = Number(await readFile(join(folder, NIX_GROUP_FILE), 'utf8').catch(() => ''));
  if (!Number.isInteger(pgid) || pgid <= 1) return;
  const cwd = await readlink(`/proc/${pgid}/cwd`).catch(() => undefined);
  if (cwd !== join(folder, 'flake')) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Ended meanwhile.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
