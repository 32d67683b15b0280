import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs Debian's Nix offline with a private store and state, so that specs neither need nor touch the machine's
 * /nix and never reach for a substituter.
 */
export function nixCli() {
  const home = mkdtempSync(join(tmpdir(), 'thymis-nix-'));
  const env = {
    ...process.env,
    NIX_CONFIG: 'experimental-features = nix-command flakes\nsubstituters =\nbuild-users-group =\nsandbox = false',
    NIX_STATE_DIR: join(home, 'state'),
    NIX_STORE_DIR: join(home, 'store'),
    NIX_LOG_DIR: join(home, 'log'),
    NIX_CONF_DIR: join(home, 'conf'),
    HOME: home,
  };
  const run = (args: string[]) => execFileSync('nix-instantiate', args, { env, encoding: 'utf8', stdio: 'pipe' });
  return {
    /** Deletes the private store and state. */
    dispose: () => rmSync(home, { recursive: true, force: true }),
    /** Throws with the parser's message when the file does not parse. */
    parse: (file: string) => run(['--parse', file]),
    /** Evaluates a Nix expression and gives back its value as JSON data. */
    evalJson: (expression: string): unknown => JSON.parse(run(['--eval', '--strict', '--json', '-E', expression])),
  };
}
