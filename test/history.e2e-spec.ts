import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Test } from 'supertest';
import type { StateDocument } from '@thymis/domain';
import { renderRepository } from '@thymis/nix';
import { startApi, type ApiHarness } from './api-harness';

interface Commit {
  sha: string;
  message: string;
  author: string;
  date: string;
  position: number;
}
interface Event {
  position: number;
  metadata: { correlationId: string; at: string };
}

// Quotes, an interpolation and a trailing backslash: the generated Nix must hold them as plain text.
const HOSTILE_URL = 'https://kiosk.example/?q="${HOME}"&a=\'b\'\\';
const HOSTILE_URL_NIX = '"https://kiosk.example/?q=\\"\\${HOME}\\"&a=\'b\'\\\\"';

/** Each change the spec makes, with the subject its commit must have. */
const CHANGES: [subject: string, send: (api: ApiHarness) => Test][] = [
  ['Create tag screens', (api) => api.user.post('/api/tags').send({ displayName: 'Screens' })],
  [
    'Create configuration lobby',
    (api) =>
      api.user.post('/api/configs').send({ displayName: 'Lobby', hardwareModel: 'raspberry-pi-4', tags: ['screens'] }),
  ],
  [
    'Add module kiosk to configuration lobby',
    (api) => api.user.post('/api/configs/lobby/modules').send({ type: 'kiosk', settings: { url: HOSTILE_URL } }),
  ],
  [
    'Change settings of module kiosk on configuration lobby',
    (api) =>
      api.user.patch('/api/configs/lobby/modules/kiosk').send({ settings: { rotation: 'left', enableVnc: true } }),
  ],
  [
    'Add module localization to tag screens',
    (api) =>
      api.user
        .post('/api/tags/screens/modules')
        .send({ type: 'localization', settings: { timeZone: 'Europe/Berlin' } }),
  ],
  [
    'Create configuration office',
    (api) =>
      api.user.post('/api/configs').send({ displayName: 'Office', hardwareModel: 'generic-x86_64', tags: ['screens'] }),
  ],
  // One command, three streams (two configurations lose the tag, the tag goes): one commit.
  ['Change tags of configuration lobby (and 2 more)', (api) => api.user.delete('/api/tags/screens')],
  ['Remove module kiosk from configuration lobby', (api) => api.user.delete('/api/configs/lobby/modules/kiosk')],
];
/** The change whose state the revert goes back to: the kiosk with its settings changed. */
const REVERT_TARGET = 3;

describe('configuration history', () => {
  let api: ApiHarness;
  /** GET /api/state right after each change. */
  const states: StateDocument[] = [];

  const history = async (query = ''): Promise<Commit[]> =>
    (await api.user.get(`/api/history${query}`).expect(200)).body.items;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: api.config.repoPath, encoding: 'utf8' });
  const state = async (): Promise<StateDocument> => (await api.user.get('/api/state').expect(200)).body;
  /** The commit of the i-th change: history is newest first, one commit per change. */
  const commitOf = async (i: number) => (await history()).reverse()[i];

  beforeAll(async () => {
    api = await startApi();
    for (const [i, [, send]] of CHANGES.entries()) {
      const response = await send(api).set('X-Correlation-Id', `history-${i}`);
      expect(response.status).toBeLessThan(300);
      states.push(await state());
    }
  });
  afterAll(() => api.close());

  describe('GET /api/history', () => {
    it('lists one commit per change, newest first, by admin, saying what changed', async () => {
      const commits = await history();
      expect(commits.map((c) => c.message.split('\n')[0])).toEqual(CHANGES.map(([subject]) => subject).reverse());
      for (const commit of commits) {
        expect(commit).toEqual({
          sha: expect.stringMatching(/^[0-9a-f]{40}$/),
          message: expect.any(String),
          author: 'admin',
          date: expect.any(String),
          position: expect.any(Number),
        });
      }
      expect(commits[1].message).toContain('\n- Change tags of configuration office\n- Delete tag screens\n');
    });

    it('gives each commit the date and log position of the last event of its change', async () => {
      const events: Event[] = (await api.user.get('/api/events?limit=1000').expect(200)).body.items;
      const commits = (await history()).reverse();
      CHANGES.forEach((_, i) => {
        const last = events.filter((e) => e.metadata.correlationId === `history-${i}`).at(-1)!;
        expect(commits[i].position).toBe(last.position);
        expect(commits[i].message).toContain(`\nThymis-Position: ${last.position}\n`);
        // git keeps whole seconds
        expect(commits[i].date).toBe(new Date(Math.floor(Date.parse(last.metadata.at) / 1000) * 1000).toISOString());
      });
      const positions = commits.map((c) => c.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('pages with limit and offset', async () => {
      const all = await history();
      expect(await history('?limit=3')).toEqual(all.slice(0, 3));
      expect(await history('?limit=3&offset=2')).toEqual(all.slice(2, 5));
      expect(await history(`?offset=${all.length - 1}`)).toEqual(all.slice(-1));
      expect(await history(`?offset=${all.length}`)).toEqual([]);
    });

    it.each(['limit=0', 'limit=1001', 'limit=x', 'limit=2.5', 'offset=-1', 'offset=x', 'limt=3'])(
      'refuses ?%s with 400 naming the parameter',
      async (query) => {
        const response = await api.user.get(`/api/history?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('validation_failed');
        expect(response.body.message).toMatch(new RegExp(`^${query.split('=')[0]}: `));
      },
    );
  });

  describe('GET /api/history/:sha/diff', () => {
    it('answers a unified diff naming the files the change wrote, the hostile URL escaped, by full or short sha', async () => {
      const { sha } = await commitOf(2);
      for (const asked of [sha, sha.slice(0, 7)]) {
        const response = await api.user.get(`/api/history/${asked}/diff`);
        expect(response.status).toBe(200);
        expect(response.body.sha).toBe(sha);
        const diff: string = response.body.diff;
        expect(diff).toContain('diff --git a/hosts/lobby/kiosk.nix b/hosts/lobby/kiosk.nix\n');
        expect(diff).toContain('--- /dev/null\n+++ b/hosts/lobby/kiosk.nix\n');
        expect(diff).toContain(`\n+  thymis.kiosk.url = lib.mkOverride 80 ${HOSTILE_URL_NIX};\n`);
        expect(diff).toMatch(/\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@/);
        const files = [...diff.matchAll(/^diff --git a\/(\S+) b\//gm)].map((m) => m[1]);
        expect(files).toEqual(['flake.nix', 'hosts/lobby/kiosk.nix', 'state.json']);
      }
    });

    it('shows a change to several streams as one diff, deleted files included', async () => {
      const { diff } = (await api.user.get(`/api/history/${(await commitOf(6)).sha}/diff`).expect(200)).body;
      expect(diff).toContain('--- a/tags/screens/localization.nix\n+++ /dev/null\n');
      expect(diff).toContain('-  thymis.localization.timeZone = lib.mkOverride 90 "Europe/Berlin";\n');
      const files = [...(diff as string).matchAll(/^diff --git a\/(\S+) b\//gm)].map((m) => m[1]);
      expect(files).toEqual(['flake.nix', 'state.json', 'tags/screens/localization.nix']);
    });

    it.each(['0'.repeat(40), 'deadbee', 'not-a-sha', 'abc'])('answers 404 for the unknown commit %p', async (sha) => {
      const response = await api.refused(() => api.user.get(`/api/history/${sha}/diff`));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    });
  });

  describe('the repository folder', () => {
    it('holds exactly the files the state implies, committed, a removed module’s file gone', async () => {
      await expectRepositoryToMatch(await state());
      expect(await exists('hosts/lobby/kiosk.nix')).toBe(false);
      expect(await exists('tags/screens')).toBe(false);
    });
  });

  describe('POST /api/history/:sha/revert', () => {
    it('answers 401 without a session, writing nothing', async () => {
      const { sha } = await commitOf(REVERT_TARGET);
      const before = await history();
      const response = await api.refused(() => api.anonymous().post(`/api/history/${sha}/revert`));
      expect(response.status).toBe(401);
      expect(await history()).toEqual(before);
    });

    it('answers 404 for an unknown commit, writing nothing', async () => {
      const response = await api.refused(() => api.user.post(`/api/history/${'f'.repeat(40)}/revert`));
      expect(response.status).toBe(404);
    });

    it('answers 409 nothing_to_do when the state already is what it was at that commit', async () => {
      const before = await history();
      const response = await api.refused(() => api.user.post(`/api/history/${before[0].sha}/revert`));
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('nothing_to_do');
      expect(await history()).toEqual(before);
    });

    it('restores the state of that commit with exactly one new commit on top, rewriting nothing', async () => {
      const target = await commitOf(REVERT_TARGET);
      const before = await history();
      const response = await api.user.post(`/api/history/${target.sha.slice(0, 7)}/revert`);
      expect(response.status).toBe(200);

      const after = await history();
      expect(after.slice(1)).toEqual(before);
      expect(response.body).toEqual(after[0]);
      expect(after[0].author).toBe('admin');
      expect(after[0].message).toMatch(new RegExp(`^Revert to ${target.sha.slice(0, 7)}\\b`));
      expect(git('rev-parse', 'HEAD^').trim()).toBe(before[0].sha);

      expect(await state()).toEqual(states[REVERT_TARGET]);
      expect(git('show', 'HEAD:state.json')).toBe(git('show', `${target.sha}:state.json`));
      await expectRepositoryToMatch(states[REVERT_TARGET]);
      expect(await readFile(join(api.config.repoPath, 'hosts/lobby/kiosk.nix'), 'utf8')).toContain(HOSTILE_URL_NIX);
    });

    it('answers 409 when asked to revert to the same state again', async () => {
      const target = await commitOf(REVERT_TARGET);
      const response = await api.refused(() => api.user.post(`/api/history/${target.sha}/revert`));
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('nothing_to_do');
    });
  });

  const exists = (path: string) =>
    readFile(join(api.config.repoPath, path)).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code === 'EISDIR',
    );

  /** The folder holds exactly the rendered files of `expected`, all committed, nothing else. */
  async function expectRepositoryToMatch(expected: StateDocument) {
    const root = api.config.repoPath;
    const paths = [
      'state.json',
      'flake.nix',
      ...expected.configs.flatMap((c) => [
        `hosts/${c.identifier}/default.nix`,
        ...c.modules.map((m) => `hosts/${c.identifier}/${m.type}.nix`),
      ]),
      ...expected.tags.flatMap((t) => t.modules.map((m) => `tags/${t.identifier}/${m.type}.nix`)),
    ].sort();
    const onDisk = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith('.git/'))
      .sort();
    expect(onDisk).toEqual(paths);
    expect(git('ls-files').trim().split('\n').sort()).toEqual(paths);
    expect(git('status', '--porcelain')).toBe('');

    const rendered = renderRepository(expected, {
      nixpkgs: api.config.nix.nixpkgsUrl,
      thymis: api.config.nix.deviceModulesUrl,
    });
    expect([...rendered.keys()].sort()).toEqual(paths);
    for (const [path, text] of rendered) expect(await readFile(join(root, path), 'utf8')).toBe(text);
  }
});
