import { execFileSync } from 'node:child_process';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyThymisFlake, makeTempDir, nixEnv, removeTempDir, STAND_IN_NIXPKGS } from '../../../../test/nix';
import { NixUnavailableError } from '../nix-parser';
import { renderRepository } from '../render/repository';
import { kioskState, SLOW_SLEEP, type AssetsMode } from './build-fixtures';
import { prepareBuildTree } from './build-tree';
import {
  BuildCancelled,
  BuildFailed,
  imageInstallable,
  KILL_GRACE_MS,
  REPORT_INTERVAL_MS,
  runNixBuild,
  type NixBuildOptions,
} from './nix-build';
import type { NixBuildProgress } from './nix-log';

// Real Debian Nix, offline, private store: the generated repository's inputs are configuration, pointed at the
// stand-in nixpkgs and a copy of this project's flake, as an air-gapped site would point them at its mirrors.

const NIX = process.env.NIX_BIN ?? 'nix';

let tmp: string;
let env: NodeJS.ProcessEnv;
let inputs: { nixpkgs: string; thymis: string };
let trees = 0;

beforeAll(async () => {
  tmp = await makeTempDir('thymis-build-');
  env = nixEnv(join(tmp, 'nix'));
  inputs = { nixpkgs: `path:${STAND_IN_NIXPKGS}`, thymis: await copyThymisFlake(join(tmp, 'thymis')) };
});
afterAll(() => removeTempDir(tmp));

async function tree(mode: AssetsMode): Promise<string> {
  const dir = join(tmp, `repo-${mode}-${(trees += 1)}`);
  await prepareBuildTree(renderRepository(kioskState(mode), inputs), dir);
  return dir;
}

/** Runs a build of kiosk's image, recording what it reports and when. */
function build(cwd: string, more: Partial<NixBuildOptions> = {}) {
  const progress: { at: number; value: NixBuildProgress }[] = [];
  const batches: { at: number; lines: string[] }[] = [];
  const started = Date.now();
  const done = runNixBuild({
    nixBin: NIX,
    cwd,
    installable: imageInstallable('kiosk'),
    env,
    onProgress: (value) => progress.push({ at: Date.now(), value }),
    onLines: (lines) => batches.push({ at: Date.now(), lines }),
    ...more,
  });
  return { done, progress, batches, started, lines: () => batches.flatMap((b) => b.lines) };
}

/** Gaps between reports, the last (the one at the end) left out. */
const gaps = (reports: { at: number }[]) => reports.slice(1, -1).map((r, i) => r.at - reports[i].at);

/** Members of a process group that still run: zombies are dead (init may take a while to reap them here). */
const groupAlive = (pgid: number) =>
  execFileSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' })
    .split('\n')
    .some((row) => row.trim().split(/\s+/)[0] === String(pgid) && !row.trim().split(/\s+/)[1].startsWith('Z'));
const slowSleeps = () =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((args) => args.includes(`sleep ${SLOW_SLEEP}`));

describe('runNixBuild', () => {
  it('builds the image of a generated repository, reporting progress up to 100% and the build log', async () => {
    const dir = await tree('ok');
    expect(execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' }).split('\n')).toContain('flake.nix');
    const run = build(dir);
    const { outPath } = await run.done;
    console.log(`image build: ${Date.now() - run.started} ms, ${run.progress.length} progress reports`);

    const last = run.progress[run.progress.length - 1].value;
    expect(last).toEqual({
      builds: { done: 4, expected: 4, running: 0, failed: 0 },
      downloads: { done: 0, expected: 0 },
      activity: undefined,
      percent: 100,
    });
    const percents = run.progress.map((p) => p.value.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(run.lines()).toEqual(
      expect.arrayContaining(['kiosk-assets> Running phase: buildPhase', 'kiosk-assets> asset 3 of 3']),
    );
    for (const gap of [...gaps(run.progress), ...gaps(run.batches)]) {
      expect(gap).toBeGreaterThanOrEqual(REPORT_INTERVAL_MS - 5);
    }

    expect(await readdir(outPath)).toEqual(['nix-support', 'thymis-image.img']);
    const image = await readFile(join(outPath, 'thymis-image.img'));
    expect(image.length).toBe(64 * 1024);
    expect(image.toString('latin1', 0, 80)).toMatch(/^Thymis stand-in image.*\nformat: sd-card-image\n/);
  });

  it('cancelled right after it started: rejects with BuildCancelled, the process group is gone', async () => {
    const controller = new AbortController();
    let pgid = 0;
    const run = build(await tree('slow'), { signal: controller.signal, onStart: (pid) => (pgid = pid) });
    controller.abort();
    await expect(run.done).rejects.toBeInstanceOf(BuildCancelled);
    expect(pgid).toBeGreaterThan(0);
    expect(groupAlive(pgid)).toBe(false);
  });

  it('cancelled while a builder runs: nix and its builder are gone', async () => {
    const controller = new AbortController();
    let pgid = 0;
    let sleeping: string[] = [];
    let aliveBefore = false;
    const run = build(await tree('slow'), {
      signal: controller.signal,
      onStart: (pid) => (pgid = pid),
      onLines: (lines) => {
        if (!lines.some((line) => line.endsWith('asset 3 of 3'))) return;
        sleeping = slowSleeps();
        aliveBefore = groupAlive(pgid);
        controller.abort();
      },
    });
    await expect(run.done).rejects.toBeInstanceOf(BuildCancelled);
    console.log(`cancelled build ended ${Date.now() - run.started} ms after its start`);
    expect(sleeping).toHaveLength(1);
    expect(aliveBefore).toBe(true);
    expect(groupAlive(pgid)).toBe(false);
    expect(slowSleeps()).toEqual([]);
  });

  it('cancelled, a process group that ignores SIGTERM gets SIGKILL after the grace time', async () => {
    const fake = join(tmp, 'stubborn-nix');
    const start = JSON.stringify({ action: 'start', id: 1, level: 0, text: '', type: 102 });
    await writeFile(fake, `#!/bin/sh\ntrap '' TERM\nsleep ${SLOW_SLEEP} &\necho '@nix ${start}' >&2\nwait\n`);
    await chmod(fake, 0o755);
    const controller = new AbortController();
    let pgid = 0;
    const run = build(tmp, { nixBin: fake, signal: controller.signal, onStart: (pid) => (pgid = pid) });
    setTimeout(() => controller.abort(), 200);
    await expect(run.done).rejects.toBeInstanceOf(BuildCancelled);
    expect(Date.now() - run.started).toBeGreaterThanOrEqual(200 + KILL_GRACE_MS);
    expect(groupAlive(pgid)).toBe(false);
    expect(slowSleeps()).toEqual([]);
  });

  it('a failing builder: rejects with BuildFailed carrying the reason', async () => {
    const run = build(await tree('fail'));
    const error = (await run.done.catch((e: unknown) => e)) as BuildFailed;
    expect(error).toBeInstanceOf(BuildFailed);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/^error: builder for '\S+-kiosk-assets\.drv' failed with exit code 3\n/);
    expect(error.message).toContain('\n> kiosk assets: missing logo.png\n');
    const last = run.progress[run.progress.length - 1].value;
    expect(last.builds.failed).toBe(1);
    expect(last.percent).toBeLessThan(100);
  });

  it('an installable the flake does not have: rejects with BuildFailed saying so', async () => {
    const run = build(await tree('ok'), { installable: imageInstallable('nowhere') });
    await expect(run.done).rejects.toThrow(BuildFailed);
    await expect(run.done).rejects.toThrow(/does not provide attribute .*image-nowhere/);
  });

  it('without nix: rejects with NixUnavailableError (and a missing build tree is not taken for one)', async () => {
    const nowhere = runNixBuild({ nixBin: NIX, cwd: join(tmp, 'nowhere'), installable: '.#x', env });
    await expect(nowhere).rejects.toThrow(`No build tree at ${join(tmp, 'nowhere')}`);
    const run = build(await tree('ok'), { nixBin: join(tmp, 'no-such-nix') });
    await expect(run.done).rejects.toBeInstanceOf(NixUnavailableError);
    await expect(run.done).rejects.toThrow(
      `Cannot build the image: ${join(tmp, 'no-such-nix')} could not be run (not found). Install Nix`,
    );
  });
});
