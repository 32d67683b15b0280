import { createTwoFilesPatch } from 'diff';

/** A git-style unified diff between two sets of files (path → text), paths in order. */
export function unifiedDiff(before: Map<string, string>, after: Map<string, string>): string {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => {
      const old = before.get(path);
      const next = after.get(path);
      const header = `diff --git a/${path} b/${path}\n${old === undefined ? 'new file\n' : next === undefined ? 'deleted file\n' : ''}`;
      const patch = createTwoFilesPatch(
        old === undefined ? '/dev/null' : `a/${path}`,
        next === undefined ? '/dev/null' : `b/${path}`,
        old ?? '',
        next ?? '',
        undefined,
        undefined,
        { context: 3 },
      );
      // jsdiff starts with a line of '=' and pads file names with a tab; git does neither.
      return header + patch.replace(/^=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2');
    })
    .join('');
}
