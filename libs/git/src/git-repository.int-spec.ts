import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepository } from './git-repository';

const alice = { name: 'alice', email: 'alice@thymis' };
const controller = { name: 'Thymis controller', email: 'controller@thymis' };
const at = (second: number) => ({
  author: alice,
  committer: controller,
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)),
});

describe(GitRepository.name, () => {
  let folder: string;
  let sut: GitRepository;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'thymis-git-'));
    sut = await GitRepository.openOrInit(join(folder, 'repo'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const write = (files: Record<string, string>, remove: string[] = []) => ({
    write: new Map(Object.entries(files)),
    remove,
  });

  it('commits exactly the changes given, with author, committer and time, readable by plain git', async () => {
    const first = await sut.commit(write({ 'a.txt': 'one\n', 'dir/b.txt': 'two\n' }), { ...at(1), message: 'First\n' });
    const second = await sut.commit(write({ 'a.txt': 'uno\n' }, ['dir/b.txt']), { ...at(2), message: 'Second\n' });
    expect((await sut.head())?.sha).toBe(second);
    expect((await sut.log(10)).map((c) => [c.sha, c.message, c.author.name, c.date])).toEqual([
      [second, 'Second\n', 'alice', '2026-01-01T00:00:02.000Z'],
      [first, 'First\n', 'alice', '2026-01-01T00:00:01.000Z'],
    ]);
    const git = (...args: string[]) => execFileSync('git', ['-C', sut.path, ...args], { encoding: 'utf8' });
    expect(git('log', '--format=%an <%ae>|%cn <%ce>', '-1')).toBe(
      'alice <alice@thymis>|Thymis controller <controller@thymis>\n',
    );
    expect(git('status', '--porcelain')).toBe('');
    expect(await sut.readFile(first, 'dir/b.txt')).toBe('two\n');
    expect(await sut.readFile(second, 'dir/b.txt')).toBeUndefined();
    expect(existsSync(join(sut.path, 'dir'))).toBe(false);
  });

  it('gives the same commits for the same changes at the same times', async () => {
    const other = await GitRepository.openOrInit(join(folder, 'other'));
    for (const repo of [sut, other]) await repo.commit(write({ 'a.txt': 'x\n' }), { ...at(5), message: 'Same\n' });
    expect((await other.head())?.sha).toBe((await sut.head())?.sha);
    expect(await other.treeId()).toBe(await sut.treeId());
  });

  it('diffs a commit against its parent, and the first against nothing', async () => {
    const first = await sut.commit(write({ 'a.txt': 'one\n' }), { ...at(1), message: 'First\n' });
    const second = await sut.commit(write({ 'a.txt': 'two\n' }), { ...at(2), message: 'Second\n' });
    expect(await sut.diff(first)).toBe(
      'diff --git a/a.txt b/a.txt\nnew file\n--- /dev/null\n+++ b/a.txt\n@@ -0,0 +1,1 @@\n+one\n',
    );
    expect(await sut.diff(second)).toContain('--- a/a.txt\n+++ b/a.txt\n@@ -1,1 +1,1 @@\n-one\n+two\n');
  });

  it('resolves full and abbreviated shas, and nothing else', async () => {
    const sha = await sut.commit(write({ 'a.txt': '1\n' }), { ...at(1), message: 'm\n' });
    expect(await sut.resolve(sha)).toBe(sha);
    expect(await sut.resolve(sha.slice(0, 7))).toBe(sha);
    expect(await sut.resolve('0000000')).toBeUndefined();
    expect(await sut.resolve('not-a-sha')).toBeUndefined();
  });

  it('discards what a crash left in the working tree', async () => {
    await sut.commit(write({ 'a.txt': 'kept\n' }), { ...at(1), message: 'm\n' });
    await writeFile(join(sut.path, 'a.txt'), 'half-written');
    await writeFile(join(sut.path, 'stray.txt'), 'stray');
    await sut.discardUncommitted();
    expect(await readFile(join(sut.path, 'a.txt'), 'utf8')).toBe('kept\n');
    expect(existsSync(join(sut.path, 'stray.txt'))).toBe(false);
  });
});
