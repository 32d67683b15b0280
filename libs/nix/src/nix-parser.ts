import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';

export type NixParseResult = { ok: true } | { ok: false; line: number; column: number; message: string };

/** Nix is not installed (or not runnable), so Nix code cannot be checked: a server problem, not the user's. */
export class NixUnavailableError extends Error {
  constructor(binary: string, cause: string) {
    super(
      `Cannot check Nix code: ${binary} could not be run (${cause}). Install Nix (Debian: apt-get install nix-bin).`,
    );
  }
}

const TIMEOUT_MS = 10_000;
const ANSI = /\x1b\[[0-9;]*m/g; // eslint-disable-line no-control-regex
const POSITION = /^\s*at «stdin»:(\d+):(\d+):$/m;

/**
 * Checks that `code` parses as Nix (`nix-instantiate --parse`, which also reports undefined variables and duplicate
 * attributes). Line and column are 1-based; the column counts UTF-16 code units as JavaScript strings (and editors)
 * do, where Nix counts bytes. `--store dummy://`: parsing needs no store, so none is opened (no /nix access).
 */
export async function parseNix(code: string, nixInstantiate = 'nix-instantiate'): Promise<NixParseResult> {
  // Nix stops reading at a NUL, so code after one would be ignored, not checked.
  const nul = code.indexOf('\0');
  if (nul >= 0) return { ok: false, ...positionOf(code, nul), message: 'Nix code cannot contain NUL characters' };

  const { exitCode, stderr } = await run(nixInstantiate, ['--parse', '--store', 'dummy://', '-'], code);
  if (exitCode === 0) return { ok: true };
  const error = parseError(stderr.replace(ANSI, ''), code);
  if (!error) throw new Error(`${nixInstantiate} --parse failed without naming a position: ${stderr.trim()}`);
  return error;
}

function parseError(stderr: string, code: string): NixParseResult | undefined {
  const position = POSITION.exec(stderr);
  const start = stderr.indexOf('error: ');
  if (!position || start < 0) return undefined;
  const message = stderr
    .slice(start + 'error: '.length, position.index)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  const line = Number(position[1]);
  return { ok: false, line, column: utf16Column(code, line, Number(position[2])), message };
}

/** Nix counts lines as its lexer does (\r\n, \r and \n each end one) and columns in bytes. */
function utf16Column(code: string, line: number, byteColumn: number): number {
  const text = code.split(/\r\n|\r|\n/)[line - 1] ?? '';
  return (
    Buffer.from(text, 'utf8')
      .subarray(0, byteColumn - 1)
      .toString('utf8').length + 1
  );
}

function positionOf(code: string, index: number): { line: number; column: number } {
  const before = code.slice(0, index).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function run(binary: string, args: string[], input: string): Promise<{ exitCode: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // cwd: relative paths in the code (./x.nix) are resolved, not read, so any directory will do.
    const child = spawn(binary, args, { cwd: tmpdir(), stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new NixUnavailableError(binary, error.code ?? error.message));
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new Error(`${binary} --parse took longer than ${TIMEOUT_MS} ms`));
      else resolve({ exitCode, stderr });
    });
    // The process may exit before reading everything (say on an early error); that is not our error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
