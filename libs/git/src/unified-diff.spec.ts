import { unifiedDiff } from './unified-diff';

describe(unifiedDiff.name, () => {
  it('lists added, changed and deleted files in path order, as git does', () => {
    const sut = unifiedDiff(
      new Map([
        ['b.txt', 'one\ntwo\n'],
        ['gone.txt', 'bye\n'],
        ['same.txt', 'x\n'],
      ]),
      new Map([
        ['a.txt', 'new\n'],
        ['b.txt', 'one\nthree\n'],
        ['same.txt', 'x\n'],
      ]),
    );
    expect(sut).toBe(
      [
        'diff --git a/a.txt b/a.txt\nnew file\n--- /dev/null\n+++ b/a.txt\n@@ -0,0 +1,1 @@\n+new\n',
        'diff --git a/b.txt b/b.txt\n--- a/b.txt\n+++ b/b.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n',
        'diff --git a/gone.txt b/gone.txt\ndeleted file\n--- a/gone.txt\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-bye\n',
      ].join(''),
    );
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff(new Map([['a', '1\n']]), new Map([['a', '1\n']]))).toBe('');
  });
});
