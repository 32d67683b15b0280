/** One line of a file's diff; `old`/`new` are its line numbers on each side (absent on the side it is not on). */
export interface DiffLine {
  kind: 'added' | 'removed' | 'context' | 'hunk';
  text: string;
  old?: number;
  new?: number;
}

export interface DiffFile {
  path: string;
  change: 'added' | 'deleted' | 'modified';
  lines: DiffLine[];
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Splits a git-style unified diff (as `GET /api/history/:sha/diff` answers it) into its files. A file's `---`/`+++`
 * header is told from removed and added lines by position: it comes before the file's first hunk.
 */
export function parseUnifiedDiff(diff: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: DiffFile | undefined;
  let inHunk = false;
  let oldLine = 0;
  let newLine = 0;
  for (const text of diff.split('\n')) {
    if (text.startsWith('diff --git ')) {
      const path = text.slice(text.lastIndexOf(' b/') + 3);
      file = { path, change: 'modified', lines: [] };
      files.push(file);
      inHunk = false;
      continue;
    }
    if (!file) continue;
    const hunk = HUNK.exec(text);
    if (hunk) {
      inHunk = true;
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      file.lines.push({ kind: 'hunk', text });
    } else if (!inHunk) {
      if (text === 'new file') file.change = 'added';
      if (text === 'deleted file') file.change = 'deleted';
    } else if (text.startsWith('+')) {
      file.lines.push({ kind: 'added', text, new: newLine++ });
    } else if (text.startsWith('-')) {
      file.lines.push({ kind: 'removed', text, old: oldLine++ });
    } else if (text.startsWith(' ')) {
      file.lines.push({ kind: 'context', text, old: oldLine++, new: newLine++ });
    } else if (text.startsWith('\\')) {
      file.lines.push({ kind: 'context', text }); // "\ No newline at end of file"
    }
  }
  return files;
}

/** A commit message's first line: what changed. */
export const commitSubject = (message: string): string => message.split('\n')[0];

/** The lines after the subject that say more (a change touching several things), without git trailers or bullets. */
export const commitDetails = (message: string): string[] =>
  message
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '' && !/^[A-Z][\w-]*: /.test(line))
    .map((line) => line.replace(/^- /, ''));
