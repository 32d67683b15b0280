import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NixUnavailableError } from '../nix-parser';
import { NixLogParser, type NixBuildProgress } from './nix-log';

/** How often progress and log lines are handed on, at most. */
export const REPORT_INTERVAL_MS = 250;
/** How long the process group has after SIGTERM before SIGKILL. */
export const KILL_GRACE_MS = 5_000;
/** How many error lines a BuildFailed carries. */
const FAILURE_LINES = 40;

export class BuildCancelled extends Error {
  constructor() {
    super('The build was cancelled.');
  }
}

export class BuildFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

/** Nix is missing (or cannot be run): a server problem, said as such. */
export class NixBuildUnavailableError extends NixUnavailableError {
  constructor(binary: string, cause: string) {
    super(binary, cause);
    this.message = `Cannot build the image: ${binary} could not be run (${cause}). Install Nix (Debian: apt-get install nix-bin) or set NIX_BIN.`;
  }
}

/** The installable of a configuration's image in a repository rendered by renderRepository (see render/flake.ts). */
export const imageInstallable = (configIdentifier: string): string =>
  `.#packages.x86_64-linux."image-${configIdentifier}"`;

/** `-L` goes before `--log-format`: Nix 2.8 switches the log back to plain text otherwise. */
export const NIX_BUILD_ARGS = ['build', '-L', '--log-format', 'internal-json', '--no-link', '--json'];

export interface NixBuildOptions {
  nixBin: string;
  /** A flake repository, its files tracked by git (see prepareBuildTree). */
  cwd: string;
  installable: string;
  env?: NodeJS.ProcessEnv;
  /** Before the installable, e.g. ['--override-input', 'nixpkgs', 'path:/mirror/nixpkgs']. */
  extraArgs?: string[];
  signal?: AbortSignal;
  /** The process id, which is also its process group's. */
  onStart?: (pid: number) => void;
  onProgress?: (progress: NixBuildProgress) => void;
  onLines?: (lines: string[]) => void;
}

/**
 * Runs `nix build` in its own process group and reports its progress and log lines, each at most every 250 ms and
 * once more at the end. Nix 2.8 has no --print-out-paths: --json gives the output paths. Aborting `signal` kills
 * the process group (SIGTERM, SIGKILL after 5 s) and rejects with BuildCancelled once nix has exited.
 */
export function runNixBuild(options: NixBuildOptions): Promise<{ outPath: string }> {
  const { nixBin, signal } = options;
  if (signal?.aborted) return Promise.reject(new BuildCancelled());
  // A missing cwd would fail the spawn with ENOENT too, and be taken for a missing nix.
  if (!existsSync(options.cwd)) return Promise.reject(new Error(`No build tree at ${options.cwd}`));
  const child = spawn(nixBin, [...NIX_BUILD_ARGS, ...(options.extraArgs ?? []), options.installable], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parser = new NixLogParser();
  let pending: string[] = [];
  let lastProgress = '';
  const progress = every(REPORT_INTERVAL_MS, () => {
    const now = JSON.stringify(parser.progress);
    if (now !== lastProgress) options.onProgress?.(parser.progress);
    lastProgress = now;
  });
  const lines = every(REPORT_INTERVAL_MS, () => {
    if (pending.length > 0) options.onLines?.(pending);
    pending = [];
  });
  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // The group is gone already.
    }
  };
  let cancelled = false;
  let killTimer: NodeJS.Timeout | undefined;
  const cancel = () => {
    cancelled = true;
    killGroup('SIGTERM');
    killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
  };

  let stdout = '';
  let partial = '';
  const feed = (line: string) => {
    pending.push(...parser.feed(line));
    progress.schedule();
    lines.schedule();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    parts.forEach(feed);
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (exitCode: number | null, error?: Error, killedBy?: string | null) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      clearTimeout(killTimer);
      if (partial !== '') feed(partial);
      const outPath = exitCode === 0 && !cancelled && !error ? outPathOf(stdout) : undefined;
      parser.end(outPath !== undefined);
      progress.stop();
      try {
        lines.flush();
        options.onProgress?.(parser.progress);
      } catch {
        // The caller's callback failed; the build's outcome stands.
      }
      if (error) reject(error);
      else if (cancelled) reject(new BuildCancelled());
      else if (outPath !== undefined) resolve({ outPath });
      else reject(new BuildFailed(failureMessage(parser, exitCode ?? killedBy ?? null, stdout), exitCode));
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      const cause = error.code === 'ENOENT' ? 'not found' : (error.code ?? error.message);
      settle(null, new NixBuildUnavailableError(nixBin, cause));
    });
    child.on('close', (code, killedBy) => {
      // Whatever of the group outlived nix goes with it (SIGKILL leaves, at most, zombies for init to reap).
      if (cancelled) killGroup('SIGKILL');
      settle(code, undefined, killedBy);
    });
    if (child.pid !== undefined) {
      signal?.addEventListener('abort', cancel, { once: true });
      options.onStart?.(child.pid);
    }
  });
}

function outPathOf(stdout: string): string | undefined {
  try {
    const built = JSON.parse(stdout) as { outputs?: Record<string, string> }[];
    return built[0]?.outputs?.out;
  } catch {
    return undefined;
  }
}

function failureMessage(parser: NixLogParser, exit: number | string | null, stdout: string): string {
  const errors = parser.errors.slice(-FAILURE_LINES);
  if (errors.length > 0) return errors.join('\n');
  if (exit === 0) return `nix build gave no output path: ${stdout.slice(0, 200)}`;
  return `nix build failed (${typeof exit === 'string' ? `killed by ${exit}` : `exit code ${exit}`}) without an error message.`;
}

/** Calls `fn` at most every `ms` (trailing: a call scheduled inside the interval waits for its end). */
function every(ms: number, fn: () => void) {
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  return {
    schedule: () => (timer ??= setTimeout(fire, Math.max(0, last + ms - Date.now()))),
    flush: () => {
      clearTimeout(timer);
      fire();
    },
    stop: () => clearTimeout(timer),
  };
}
