import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Git from 'nodegit';
import { unifiedDiff } from './unified-diff';

export interface Person {
  name: string;
  email: string;
}

export interface CommitInfo {
  sha: string;
  message: string;
  author: Person;
  date: string;
}

/** Files to write (path → text) and to delete, relative to the repository root. */
export interface FileChanges {
  write: Map<string, string>;
  remove: string[];
}

export interface CommitRequest {
  author: Person;
  committer: Person;
  message: string;
  /** Author and commit time: taken from the change itself, so that replaying history gives the same commits. */
  time: Date;
}

// libgit2's flag values: @types/nodegit declares them as const enums, which isolated modules cannot read.
const CHECKOUT_FORCE = 1 << 1;
const CHECKOUT_REMOVE_UNTRACKED = 1 << 5;
const SORT_TOPOLOGICAL = 1;
const OBJECT_COMMIT = 1;

const signature = (person: Person, time: Date) =>
  Git.Signature.create(person.name, person.email, Math.floor(time.getTime() / 1000), 0);

/** A local git repository with a working tree, written only through commits of whole file changes. */
export class GitRepository {
  private constructor(
    private readonly repo: Git.Repository,
    readonly path: string,
  ) {}

  /** Opens the repository at `path`, creating it (and the folder) when missing. */
  static async openOrInit(path: string): Promise<GitRepository> {
    await mkdir(path, { recursive: true });
    const repo = await Git.Repository.open(path).catch(() => Git.Repository.init(path, 0));
    return new GitRepository(repo, path);
  }

  /** Puts the working tree back to HEAD: a crash between writing files and committing leaves nothing behind. */
  async discardUncommitted(): Promise<void> {
    if (!(await this.headCommit())) return;
    await Git.Checkout.head(this.repo, {
      checkoutStrategy: CHECKOUT_FORCE | CHECKOUT_REMOVE_UNTRACKED,
    });
  }

  async head(): Promise<CommitInfo | undefined> {
    const commit = await this.headCommit();
    return commit && info(commit);
  }

  /** Writes and deletes the files, then commits exactly those changes on HEAD. Returns the new commit's sha. */
  async commit(changes: FileChanges, request: CommitRequest): Promise<string> {
    for (const [path, text] of changes.write) {
      await mkdir(dirname(join(this.path, path)), { recursive: true });
      await writeFile(join(this.path, path), text);
    }
    for (const path of changes.remove) {
      await rm(join(this.path, path), { force: true });
      await this.removeEmptyFolders(dirname(path));
    }
    const index = await this.repo.refreshIndex();
    for (const path of changes.write.keys()) await index.addByPath(path);
    for (const path of changes.remove) await index.removeByPath(path);
    await index.write();
    const tree = await index.writeTree();
    const parent = await this.headCommit();
    const oid = await this.repo.createCommit(
      'HEAD',
      signature(request.author, request.time),
      signature(request.committer, request.time),
      request.message,
      tree,
      parent ? [parent] : [],
    );
    return oid.tostrS();
  }

  /** Commits newest first. */
  async log(limit: number, offset = 0): Promise<CommitInfo[]> {
    const head = await this.headCommit();
    if (!head) return [];
    const walk = this.repo.createRevWalk();
    walk.push(head.id());
    walk.sorting(SORT_TOPOLOGICAL);
    const commits = await walk.getCommits(offset + limit);
    return commits.slice(offset).map(info);
  }

  /** A unified diff of everything the commit changed against its parent (or against nothing, for the first). */
  async diff(sha: string): Promise<string> {
    const commit = await this.commitOf(sha);
    // By id rather than commit.parent(0), whose promise never settles under jest.
    const parent = commit.parentcount() > 0 ? await this.repo.getCommit(commit.parentId(0)) : undefined;
    const before = parent ? await filesOf(await parent.getTree()) : new Map<string, string>();
    const after = await filesOf(await commit.getTree());
    return unifiedDiff(before, after);
  }

  /** A file's text as of a commit, or undefined when the commit has no such file. */
  async readFile(sha: string, path: string): Promise<string | undefined> {
    const commit = await this.commitOf(sha);
    const entry = await commit.getEntry(path).catch(() => undefined);
    return entry && (await entry.getBlob()).toString();
  }

  /** The id of the tree at HEAD: equal trees mean byte-identical files. */
  async treeId(): Promise<string | undefined> {
    return (await this.headCommit())?.treeId().tostrS();
  }

  /** The commit a full or abbreviated sha names, or undefined. */
  async resolve(sha: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{4,40}$/.test(sha)) return undefined;
    const object = await Git.Object.lookupPrefix(
      this.repo,
      Git.Oid.fromString(sha.padEnd(40, '0')),
      sha.length,
      OBJECT_COMMIT,
    ).catch(() => undefined);
    return object?.id().tostrS();
  }

  /** Git keeps no empty folders; neither does the working tree, so a deleted configuration leaves no trace. */
  private async removeEmptyFolders(folder: string): Promise<void> {
    for (let dir = folder; dir !== '.' && dir !== ''; dir = dirname(dir)) {
      if ((await readdir(join(this.path, dir)).catch(() => ['?'])).length > 0) return;
      await rmdir(join(this.path, dir));
    }
  }

  private async commitOf(sha: string): Promise<Git.Commit> {
    return this.repo.getCommit(sha);
  }

  private async headCommit(): Promise<Git.Commit | undefined> {
    return this.repo.getHeadCommit().then(
      (commit) => commit ?? undefined,
      () => undefined,
    );
  }
}

const info = (commit: Git.Commit): CommitInfo => ({
  sha: commit.sha(),
  message: commit.message(),
  author: { name: commit.author().name(), email: commit.author().email() },
  date: commit.date().toISOString(),
});

/** Every file of a tree, path → text. (The files are small generated text; nodegit's own Diff hangs under jest.) */
async function filesOf(tree: Git.Tree, prefix = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of tree.entries()) {
    const path = `${prefix}${entry.name()}`;
    if (entry.isTree()) for (const [p, text] of await filesOf(await entry.getTree(), `${path}/`)) files.set(p, text);
    else files.set(path, (await entry.getBlob()).toString());
  }
  return files;
}
