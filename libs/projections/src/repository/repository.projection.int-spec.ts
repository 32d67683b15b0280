import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  configAggregate,
  emptyState,
  streams,
  tagAggregate,
  tokenAggregate,
  type ConfigCommand,
  type StateDocument,
  type TagCommand,
} from '@thymis/domain';
import { CommandRunner, EventStore } from '@thymis/event-store';
import { renderRepository } from '@thymis/nix';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@thymis/testing';
import { positionOf } from './commit-message';
import { REPOSITORY_SUBSCRIPTION, RepositoryProjection } from './repository.projection';

const INPUTS = { nixpkgs: 'github:NixOS/nixpkgs/nixos-25.05', thymis: 'github:thymis-io/thymis-ts' };
const COMMITTER = { name: 'Thymis controller', email: 'controller@thymis' };
const KIOSK = { url: 'https://kiosk.example/?q="${HOME}"\\', rotation: 'left' };

describe(RepositoryProjection.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: EventStore;
  let commands: CommandRunner;
  let tmp: string;
  let repoPath: string;
  let running: RepositoryProjection[] = [];
  let correlation = 0;
  let tick = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openTestDataSource(database.url);
    // One second per append: commit dates differ, and come from the events alone.
    store = new EventStore(db, () => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++));
    commands = new CommandRunner(store);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    await db.query('TRUNCATE events, outbox, checkpoints RESTART IDENTITY');
    tick = 0;
    tmp = await mkdtemp(join(tmpdir(), 'thymis-repository-'));
    repoPath = join(tmp, 'repository');
  });
  afterEach(async () => {
    await Promise.all(running.map((p) => p.stop()));
    running = [];
    await rm(tmp, { recursive: true, force: true });
  });

  const start = async (path = repoPath) => {
    const sut = new RepositoryProjection(db, database.url, { path, inputs: INPUTS, committer: COMMITTER });
    running.push(sut);
    await sut.start();
    return sut;
  };
  const stop = async (sut: RepositoryProjection) => {
    await sut.stop();
    running = running.filter((p) => p !== sut);
  };
  const settled = async (sut: RepositoryProjection) => expect(await sut.waitFor(await store.head())).toBe(true);

  const origin = (actor = 'alice', correlationId = `command-${++correlation}`) => ({
    metadata: { actor, correlationId },
  });
  const config = (id: string, command: ConfigCommand, actor?: string) =>
    commands.execute(streams.config(id), id, configAggregate, command, origin(actor));
  const tag = (id: string, command: TagCommand, actor?: string) =>
    commands.execute(streams.tag(id), id, tagAggregate, command, origin(actor));
  const token = (id: string, command: Parameters<typeof tokenAggregate.decide>[2]) =>
    commands.execute(streams.token(id), id, tokenAggregate, command, origin());

  /** Deletes a tag the way the API does: untag each configuration and delete the tag, one transaction, one id. */
  const deleteTag = (id: string, configs: string[]) =>
    store.transaction(async (tx) => {
      const meta = origin('bob').metadata;
      for (const c of configs) {
        const { state, version } = await commands.load(streams.config(c), configAggregate, tx);
        const events = configAggregate.decide(c, state, { kind: 'untag', tag: id });
        await store.append(streams.config(c), events, { expectedVersion: version, metadata: meta }, tx);
      }
      const { state, version } = await commands.load(streams.tag(id), tagAggregate, tx);
      const events = tagAggregate.decide(id, state, { kind: 'delete' });
      await store.append(streams.tag(id), events, { expectedVersion: version, metadata: meta }, tx);
    });

  /** Nine commands from two users, tokens in between: nine commits. */
  const buildHistory = async () => {
    await tag('screens', { kind: 'create', displayName: 'Screens', priority: 20 });
    await tag('screens', { kind: 'add-module', type: 'localization', settings: { timeZone: 'Europe/Berlin' } });
    await config('lobby', { kind: 'create', displayName: 'Lobby', hardwareModel: 'raspberry-pi-4', tags: ['screens'] });
    await token('t-1', { kind: 'create', name: 'ci', hash: 'h', createdBy: 'alice' });
    await config('lobby', { kind: 'add-module', type: 'kiosk', settings: KIOSK }, 'bob');
    await config('office', {
      kind: 'create',
      displayName: 'Office',
      hardwareModel: 'generic-x86_64',
      tags: ['screens'],
    });
    await config('office', {
      kind: 'add-module',
      type: 'security',
      settings: { authorizedKeys: ['ssh-ed25519 AAAA k'] },
    });
    await config('lobby', { kind: 'update-module', type: 'kiosk', settings: { ...KIOSK, enableVnc: true } });
    await token('t-1', { kind: 'revoke' });
    await deleteTag('screens', ['lobby', 'office']);
    await config('office', { kind: 'remove-module', type: 'security' });
  };

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoPath, encoding: 'utf8' });
  const commitCount = () => Number(git('rev-list', '--count', 'HEAD'));
  const headState = (): StateDocument => JSON.parse(git('show', 'HEAD:state.json')) as StateDocument;
  /** The paths HEAD holds are exactly those the state renders to, with the same text. */
  const expectHeadToMatch = async (state: StateDocument) => {
    const rendered = renderRepository(state, INPUTS);
    expect(git('ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n').sort()).toEqual([...rendered.keys()].sort());
    for (const [path, text] of rendered) expect(await readFile(join(repoPath, path), 'utf8')).toBe(text);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
  };

  it('makes one commit per command, authored by its user, committed by the controller, dated by its events', async () => {
    const sut = await start();
    await buildHistory();
    await settled(sut);

    expect(commitCount()).toBe(9);
    const log = git('log', '--format=%an <%ae>|%cn <%ce>|%aI|%s').trim().split('\n');
    expect(log[0]).toBe(
      'alice <alice@thymis>|Thymis controller <controller@thymis>|2026-01-01T00:00:12+00:00|Remove module security from configuration office',
    );
    expect(log[1]).toMatch(
      /^bob <bob@thymis>\|Thymis controller <controller@thymis>\|.*\|Change tags of configuration lobby/,
    );
    expect(log.at(-1)).toMatch(/^alice <alice@thymis>\|.*\|2026-01-01T00:00:00\+00:00\|Create tag screens$/);
    const positions = git('log', '--format=%B%x00').split('\0').slice(0, -1).map(positionOf);
    expect(positions).toEqual([13, 12, 8, 7, 6, 5, 3, 2, 1]);
    const host = (identifier: string, hardwareModel: string, imageFormat: string) => ({
      displayName: identifier[0].toUpperCase() + identifier.slice(1),
      identifier,
      hardwareModel,
      imageFormat,
      tags: [],
    });
    const lobby = {
      ...host('lobby', 'raspberry-pi-4', 'sd-card-image'),
      modules: [{ type: 'kiosk', settings: { ...KIOSK, enableVnc: true } }],
    };
    const office = { ...host('office', 'generic-x86_64', 'raw-efi'), modules: [] };
    expect(headState()).toEqual({ ...emptyState(), configs: [lobby, office] });
    await expectHeadToMatch(headState());
  });

  it('rebuilds a deleted repository into the identical tree, HEAD and commit count', async () => {
    const first = await start();
    await buildHistory();
    await settled(first);
    const before = { tree: await first.repository.treeId(), head: git('rev-parse', 'HEAD'), count: commitCount() };
    await stop(first);

    await rm(repoPath, { recursive: true, force: true });
    const second = await start();
    await settled(second);

    expect({ tree: await second.repository.treeId(), head: git('rev-parse', 'HEAD'), count: commitCount() }).toEqual(
      before,
    );
    await expectHeadToMatch(headState());
  });

  it('resumes after the checkpoint was lost without a duplicate or missing commit', async () => {
    const first = await start();
    await buildHistory();
    await settled(first);
    await stop(first);
    // Changes while it was down; then its checkpoint goes back to the start, as if Postgres had lost it.
    await config('lobby', { kind: 'update', displayName: 'Lobby 2' });
    await tag('spare', { kind: 'create', displayName: 'Spare' });
    await db.query('UPDATE checkpoints SET position = 0 WHERE name = $1', [REPOSITORY_SUBSCRIPTION]);

    const resumed = await start();
    await settled(resumed);
    expect(commitCount()).toBe(11);
    const positions = git('log', '--format=%B%x00').split('\0').slice(0, -1).map(positionOf);
    expect(new Set(positions).size).toBe(positions.length);
    const head = git('rev-parse', 'HEAD');
    await stop(resumed);

    // The same history as a repository built from scratch.
    await rm(repoPath, { recursive: true, force: true });
    await settled(await start());
    expect(git('rev-parse', 'HEAD')).toBe(head);
  });

  it('discards stray, modified and staged files in the working tree when it starts', async () => {
    const first = await start();
    await buildHistory();
    await settled(first);
    await stop(first);
    const committed = headState();
    await writeFile(join(repoPath, 'stray.txt'), 'left over\n');
    await mkdir(join(repoPath, 'hosts/ghost'), { recursive: true });
    await writeFile(join(repoPath, 'hosts/ghost/kiosk.nix'), '{ }\n');
    await writeFile(join(repoPath, 'flake.nix'), 'half-written');
    await writeFile(join(repoPath, 'hosts/lobby/staged.nix'), '{ }\n');
    git('add', 'hosts/lobby/staged.nix');

    const sut = await start();
    await expectHeadToMatch(committed);
    // The next commit holds what the state renders to and nothing that was lying around.
    await config('lobby', { kind: 'remove-module', type: 'kiosk' });
    await settled(sut);
    expect(commitCount()).toBe(10);
    await expectHeadToMatch(headState());
    expect(headState().configs.find((c) => c.identifier === 'lobby')?.modules).toEqual([]);
  });

  it('makes one commit for a command that appends to several streams', async () => {
    const sut = await start();
    await tag('screens', { kind: 'create', displayName: 'Screens' });
    await tag('screens', { kind: 'add-module', type: 'kiosk', settings: KIOSK });
    await config('a', { kind: 'create', displayName: 'A', hardwareModel: 'generic-x86_64', tags: ['screens'] });
    await config('b', { kind: 'create', displayName: 'B', hardwareModel: 'generic-x86_64', tags: ['screens'] });
    await settled(sut);
    await deleteTag('screens', ['a', 'b']);
    await settled(sut);

    expect(commitCount()).toBe(5);
    expect(git('log', '-1', '--format=%B')).toMatch(
      /^Change tags of configuration a \(and 2 more\)\n\n- Change tags of configuration a\n- Change tags of configuration b\n- Delete tag screens\n\nThymis-Position: 7\n/,
    );
    expect(git('diff', '--name-status', 'HEAD^', 'HEAD').trim().split('\n')).toEqual([
      'M\tflake.nix',
      'M\tstate.json',
      'D\ttags/screens/kiosk.nix',
    ]);
    expect(headState().configs.map((c) => c.tags)).toEqual([[], []]);
  });

  it('makes one commit for a command across streams even when another command commits between its appends', async () => {
    const sut = await start();
    await tag('screens', { kind: 'create', displayName: 'Screens' });
    await config('a', { kind: 'create', displayName: 'A', hardwareModel: 'generic-x86_64', tags: ['screens'] });
    await config('c', { kind: 'create', displayName: 'C', hardwareModel: 'generic-x86_64' });
    await settled(sut);
    await store.transaction(async (tx) => {
      const meta = origin().metadata;
      const untagged = await commands.load(streams.config('a'), configAggregate, tx);
      const untag = configAggregate.decide('a', untagged.state, { kind: 'untag', tag: 'screens' });
      await store.append(streams.config('a'), untag, { expectedVersion: untagged.version, metadata: meta }, tx);
      // Another user's change commits while the deletion is still in flight: its position falls in between.
      await config('c', { kind: 'update', displayName: 'C2' });
      const deleted = tagAggregate.decide('screens', (await commands.load('tag-screens', tagAggregate, tx)).state, {
        kind: 'delete',
      });
      await store.append('tag-screens', deleted, { expectedVersion: 1, metadata: meta }, tx);
    });
    await settled(sut);

    expect(git('log', '-2', '--format=%s').trim().split('\n').sort()).toEqual([
      'Change displayName of configuration c',
      'Change tags of configuration a (and 1 more)',
    ]);
    expect(commitCount()).toBe(5);
  });

  it('makes one commit per command even when two commands share a correlation id', async () => {
    const sut = await start();
    const retried = { metadata: { actor: 'alice', correlationId: 'client-chosen-id' } };
    await commands.execute(
      'config-a',
      'a',
      configAggregate,
      { kind: 'create', displayName: 'A', hardwareModel: 'generic-x86_64' },
      retried,
    );
    await settled(sut);
    await commands.execute('config-a', 'a', configAggregate, { kind: 'update', displayName: 'A2' }, retried);
    await settled(sut);
    expect(commitCount()).toBe(2);
    const head = git('rev-parse', 'HEAD');
    await stop(sut);

    await rm(repoPath, { recursive: true, force: true });
    await settled(await start());
    expect(commitCount()).toBe(2);
    expect(git('rev-parse', 'HEAD')).toBe(head);
  });

  it('makes no commit for token events, neither first in the log nor between changes', async () => {
    const sut = await start();
    await token('t-1', { kind: 'create', name: 'ci', hash: 'h', createdBy: 'alice' });
    await settled(sut);
    expect(await sut.repository.head()).toBeUndefined();

    await config('a', { kind: 'create', displayName: 'A', hardwareModel: 'generic-x86_64' });
    await token('t-2', { kind: 'create', name: 'ops', hash: 'h2', createdBy: 'alice' });
    await token('t-1', { kind: 'revoke' });
    await settled(sut);
    expect(commitCount()).toBe(1);
    expect(git('log', '--format=%s')).toBe('Create configuration a\n');
    expect(headState()).toEqual({ ...emptyState(), configs: [expect.objectContaining({ identifier: 'a' })] });
  });
});
