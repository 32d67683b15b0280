import { commitDetails, commitSubject, parseUnifiedDiff } from './unified-diff';

describe(parseUnifiedDiff.name, () => {
  it('splits the diff into files, with what happened to each and numbered lines', () => {
    const diff = [
      'diff --git a/a.txt b/a.txt',
      'new file',
      '--- /dev/null',
      '+++ b/a.txt',
      '@@ -0,0 +1,1 @@',
      '+new',
      'diff --git a/b.txt b/b.txt',
      '--- a/b.txt',
      '+++ b/b.txt',
      '@@ -1,2 +1,2 @@',
      ' one',
      '-two',
      '+three',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1,1 +0,0 @@',
      '-bye',
      '',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      {
        path: 'a.txt',
        change: 'added',
        lines: [
          { kind: 'hunk', text: '@@ -0,0 +1,1 @@' },
          { kind: 'added', text: '+new', new: 1 },
        ],
      },
      {
        path: 'b.txt',
        change: 'modified',
        lines: [
          { kind: 'hunk', text: '@@ -1,2 +1,2 @@' },
          { kind: 'context', text: ' one', old: 1, new: 1 },
          { kind: 'removed', text: '-two', old: 2 },
          { kind: 'added', text: '+three', new: 2 },
        ],
      },
      {
        path: 'gone.txt',
        change: 'deleted',
        lines: [
          { kind: 'hunk', text: '@@ -1,1 +0,0 @@' },
          { kind: 'removed', text: '-bye', old: 1 },
        ],
      },
    ]);
  });

  it('reads a removed line that starts with dashes inside a hunk as a removed line, not a header', () => {
    const diff = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n--- a\n+++ b\n';
    expect(parseUnifiedDiff(diff)[0].lines.slice(1)).toEqual([
      { kind: 'removed', text: '--- a', old: 1 },
      { kind: 'added', text: '+++ b', new: 1 },
    ]);
  });

  it('answers no files for an empty diff', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});

describe('commit messages', () => {
  const message =
    'Change tags of configuration lobby (and 2 more)\n\n- Change tags of configuration office\n- Delete tag screens\n\nThymis-Position: 12\n';

  it('takes the first line as the subject', () => {
    expect(commitSubject(message)).toBe('Change tags of configuration lobby (and 2 more)');
  });

  it('keeps the detail lines without their bullets, and leaves out the trailers', () => {
    expect(commitDetails(message)).toEqual(['Change tags of configuration office', 'Delete tag screens']);
  });
});
