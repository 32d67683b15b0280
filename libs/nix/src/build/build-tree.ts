import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';

/**
 * Writes a rendered repository (path → text) into `dir` (new or empty) and commits it all to a new git repository
 * there: a flake sees only tracked files, and a clean tree spares Nix's "dirty tree" warning.
 */
export async function prepareBuildTree(files: Map<string, string>, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [path, text] of files) {
    const relative = normalize(path);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith('../'))
      throw new Error(`Not a repository path: ${path}`);
    await mkdir(dirname(join(dir, relative)), { recursive: true });
    await writeFile(join(dir, relative), text);
  }
  const identity = ['-c', 'user.name=Thymis', '-c', 'user.email=thymis@localhost', '-c', 'commit.gpgsign=false'];
  await git(['-c', 'init.defaultBranch=main', 'init', '-q'], dir);
  await git(['add', '-A'], dir);
  await git([...identity, 'commit', '-q', '--no-verify', '--allow-empty', '-m', 'Build tree'], dir);
}

function git(args: string[], cwd: string): Promise<void> {
  // Without the caller's GIT_DIR & co., which would point git elsewhere.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env }, (error, _stdout, stderr) =>
      error ? reject(new Error(`git ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}
