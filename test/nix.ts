/**
 * Runs Debian's Nix (2.8) in tests: offline, as root or not, with a private store under a temp dir so that tests
 * neither need nor touch /nix. How:
 * - NIX_STORE_DIR/NIX_STATE_DIR/NIX_LOG_DIR move the store itself (not `--store <dir>`, a chroot store: its
 *   builders would run chrooted where /bin/sh does not exist, and 2.8 still writes to /nix/var);
 * - NIX_CONF_DIR, NIX_USER_CONF_FILES, HOME and XDG_* point into the temp dir, so no machine or user nix.conf and
 *   no ~/.cache/nix count; NIX_CONFIG has the settings (see NIX_CONFIG below);
 * - flakes see only files that git tracks: initFlakeRepo runs `git init` + `git add -A` (no commit needed);
 * - inputs that would come from the network are replaced with --override-input, e.g. nixpkgs → the stand-in in
 *   test/fixtures/nixpkgs.
 * The store's files are read-only: removeTempDir makes them writable first.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..');
/** The stand-in nixpkgs flake (nixpkgs cannot be fetched here); use as `path:` + this. */
export const STAND_IN_NIXPKGS = join(PROJECT_ROOT, 'test/fixtures/nixpkgs');
const NIX = process.env.NIX_BIN ?? 'nix';

const NIX_CONFIG = [
  'experimental-features = nix-command flakes',
  // Offline: no binary caches; no build users (tests may run as root or not); Debian's Nix has no working sandbox.
  'substituters =',
  'build-users-group =',
  'sandbox = false',
  // The flake repositories of tests are never committed.
  'warn-dirty = false',
  // Builders of the stand-in nixpkgs are the host's /bin/sh, which runs for any `system`: this lets an aarch64
  // configuration's image build here too.
  'extra-platforms = aarch64-linux',
  'accept-flake-config = false',
].join('\n');

/** Environment for running nix with a private store and configuration under `tmp` (made here if missing). */
export function nixEnv(tmp: string): NodeJS.ProcessEnv {
  const at = (name: string) => {
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  // An empty registry: an indirect flake reference fails at once instead of fetching the global registry.
  const registry = join(at('etc'), 'registry.json');
  writeFileSync(registry, JSON.stringify({ flakes: [], version: 2 }));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('NIX_') && !name.startsWith('XDG_')) env[name] = value;
  }
  return {
    ...env,
    NIX_STORE_DIR: at('store'),
    NIX_STATE_DIR: at('state'),
    NIX_LOG_DIR: at('log'),
    NIX_CONF_DIR: at('etc'),
    NIX_USER_CONF_FILES: join(tmp, 'etc', 'user-nix.conf'),
    NIX_CONFIG: `${NIX_CONFIG}\nflake-registry = ${registry}`,
    HOME: at('home'),
    XDG_CACHE_HOME: at('cache'),
    XDG_CONFIG_HOME: at('config'),
    XDG_DATA_HOME: at('data'),
    XDG_STATE_HOME: at('xdg-state'),
  };
}

export class NixError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export interface NixOptions {
  /** From nixEnv. */
  env: NodeJS.ProcessEnv;
  /** Input name → flake reference (`path:/…`, `git+file:///…`). */
  overrideInputs?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs nix; resolves with stdout, rejects with a NixError carrying stderr. */
export function runNix(args: string[], options: NixOptions): Promise<string> {
  const overrides = Object.entries(options.overrideInputs ?? {}).flatMap(([name, ref]) => [
    '--override-input',
    name,
    ref,
  ]);
  // Overrides change the lock file; never write one into the repository under test.
  const lockArgs = overrides.length > 0 ? ['--no-write-lock-file', ...overrides] : [];
  const all = [...args, ...lockArgs];
  return new Promise((resolvePromise, reject) => {
    execFile(
      NIX,
      all,
      { env: options.env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed ? 'timed out' : `failed (${error.code ?? error.message})`;
          reject(new NixError(`nix ${args.join(' ')} ${why}:\n${stderr}`, stderr));
        } else {
          resolvePromise(stdout);
        }
      },
    );
  });
}

/** `nix eval --json <flakeRef>#<attr>` (with `--apply` when given), parsed. */
export async function nixEval<T = unknown>(
  flakeRef: string,
  attr: string,
  options: NixOptions & { apply?: string },
): Promise<T> {
  const apply = options.apply === undefined ? [] : ['--apply', options.apply];
  return JSON.parse(await runNix(['eval', '--json', `${flakeRef}#${attr}`, ...apply], options)) as T;
}

/** `nix eval --json --file <file>`: a plain Nix file, no flake. */
export async function nixEvalFile<T = unknown>(file: string, options: NixOptions): Promise<T> {
  return JSON.parse(await runNix(['eval', '--json', '--file', file], options)) as T;
}

/** `nix flake check <dir>`; rejects with nix's message when a check fails. */
export async function nixFlakeCheck(dir: string, options: NixOptions): Promise<void> {
  await runNix(['flake', 'check', dir], options);
}

export interface BuiltDerivation {
  drvPath: string;
  outputs: Record<string, string>;
}

/** `nix build --no-link --json <flakeRef>#<attr>…`: the built derivations with their output paths. */
export async function nixBuild(flakeRef: string, attrs: string[], options: NixOptions): Promise<BuiltDerivation[]> {
  const installables = attrs.map((attr) => `${flakeRef}#${attr}`);
  return JSON.parse(await runNix(['build', '--no-link', '--json', ...installables], options)) as BuiltDerivation[];
}

function git(args: string[], cwd: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd }, (error, _stdout, stderr) =>
      error ? reject(new Error(`git ${args.join(' ')} failed: ${stderr}`)) : resolvePromise(),
    );
  });
}

/** Makes `dir` a git repository with every file added (flakes see only tracked files; no commit needed). */
export async function initFlakeRepo(dir: string): Promise<void> {
  await git(['-c', 'init.defaultBranch=main', 'init', '-q'], dir);
  await git(['add', '-A'], dir);
}

/** Writes files (relative path → content) under `dir`, making directories as needed. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/**
 * Copies this project's flake (flake.nix and nix/, nothing else: no node_modules into the store) to `dest` and
 * answers its `path:` reference, to pass as the input `thymis`. A copy, because a `git+file:` reference to the
 * project would see only committed-or-added files.
 */
export async function copyThymisFlake(dest: string): Promise<string> {
  await mkdir(dest, { recursive: true });
  await cp(join(PROJECT_ROOT, 'flake.nix'), join(dest, 'flake.nix'));
  await cp(join(PROJECT_ROOT, 'nix'), join(dest, 'nix'), { recursive: true });
  return `path:${dest}`;
}

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

async function makeWritable(path: string): Promise<void> {
  const stats = await lstat(path);
  if (!stats.isDirectory()) return;
  await chmod(path, 0o755);
  for (const entry of await readdir(path)) await makeWritable(join(path, entry));
}

/** Removes a temp dir, private Nix store included (its directories are read-only). */
export async function removeTempDir(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch {
    await makeWritable(dir);
    await rm(dir, { recursive: true, force: true });
  }
}
