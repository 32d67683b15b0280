import type { StateDocument } from '@thymis/domain';
import { config, INPUTS, state, tag } from '../testing/states';
import { renderChanged, renderRepository } from './repository';

const kiosk = (url: string) => ({ type: 'kiosk', settings: { url } });
const security = { type: 'security', settings: { authorizedKeys: ['ssh-ed25519 AAAA alice'] } };

const BEFORE = state(
  [config('lobby', ['screens'], [kiosk('https://a')]), config('office', [], [security])],
  [tag('screens', 90, [kiosk('https://tag')]), tag('spare', 50, [security])],
);

/** The state after `change`, leaving BEFORE alone. */
const after = (change: (s: StateDocument) => void): StateDocument => {
  const next = structuredClone(BEFORE);
  change(next);
  return next;
};

describe(renderRepository.name, () => {
  const sut = renderRepository;

  it('lays out state.json, flake.nix, the hosts and the tags, sorted by path', () => {
    expect([...sut(BEFORE, INPUTS).keys()]).toStrictEqual([
      'flake.nix',
      'hosts/lobby/default.nix',
      'hosts/lobby/kiosk.nix',
      'hosts/office/default.nix',
      'hosts/office/security.nix',
      'state.json',
      'tags/screens/kiosk.nix',
      'tags/spare/security.nix',
    ]);
  });

  it('writes state.json as the state document, indented, with a final newline', () => {
    expect(sut(BEFORE, INPUTS).get('state.json')).toBe(`${JSON.stringify(BEFORE, null, 2)}\n`);
  });

  it('renders tag modules at the tag priority and configuration modules at 80', () => {
    const files = sut(BEFORE, INPUTS);
    expect(files.get('tags/screens/kiosk.nix')).toContain('thymis.kiosk.url = lib.mkOverride 90 "https://tag";');
    expect(files.get('hosts/lobby/kiosk.nix')).toContain('thymis.kiosk.url = lib.mkOverride 80 "https://a";');
  });

  it('gives no file to a module the catalogue does not know', () => {
    const files = sut(state([config('lobby', [], [{ type: 'kiosk-browser', settings: {} }])]), INPUTS);
    expect([...files.keys()]).toStrictEqual(['flake.nix', 'hosts/lobby/default.nix', 'state.json']);
  });
});

describe(renderChanged.name, () => {
  const sut = renderChanged;
  const changed = (next: StateDocument) => {
    const { write, remove } = sut(BEFORE, next, INPUTS);
    return { write: [...write.keys()], remove };
  };

  it('writes every file for a repository that does not exist yet', () => {
    expect(sut(undefined, BEFORE, INPUTS)).toStrictEqual({ write: renderRepository(BEFORE, INPUTS), remove: [] });
  });

  it('touches nothing when nothing changed', () => {
    expect(changed(after(() => {}))).toStrictEqual({ write: [], remove: [] });
  });

  it('rewrites only the module file whose setting changed, and state.json', () => {
    const next = after((s) => (s.configs[0].modules[0] = kiosk('https://b')));
    expect(changed(next)).toStrictEqual({ write: ['hosts/lobby/kiosk.nix', 'state.json'], remove: [] });
  });

  it('rewrites only state.json for a new display name', () => {
    expect(changed(after((s) => (s.configs[0].displayName = 'Lobby')))).toStrictEqual({
      write: ['state.json'],
      remove: [],
    });
  });

  it('rewrites the files of a tag whose priority changed, and nothing of its configurations', () => {
    expect(changed(after((s) => (s.tags[0].priority = 10)))).toStrictEqual({
      write: ['state.json', 'tags/screens/kiosk.nix'],
      remove: [],
    });
  });

  it('writes a new module file and the flake that imports it', () => {
    expect(changed(after((s) => s.configs[1].modules.push(kiosk('https://c'))))).toStrictEqual({
      write: ['flake.nix', 'hosts/office/kiosk.nix', 'state.json'],
      remove: [],
    });
  });

  it('rewrites only the flake and state.json when a configuration gains a tag', () => {
    expect(changed(after((s) => s.configs[1].tags.push('spare')))).toStrictEqual({
      write: ['flake.nix', 'state.json'],
      remove: [],
    });
  });

  it("rewrites the configuration's default.nix when its hardware changes", () => {
    expect(changed(after((s) => (s.configs[1].hardwareModel = 'raspberry-pi-5')))).toStrictEqual({
      write: ['hosts/office/default.nix', 'state.json'],
      remove: [],
    });
  });

  it('removes the files of a deleted configuration and of a removed tag module', () => {
    const next = after((s) => {
      s.configs.splice(1, 1);
      s.tags[1].modules = [];
    });
    expect(changed(next)).toStrictEqual({
      write: ['flake.nix', 'state.json'],
      remove: ['hosts/office/default.nix', 'hosts/office/security.nix', 'tags/spare/security.nix'],
    });
  });

  it.each([
    ['a setting', (s: StateDocument) => (s.tags[0].modules[0] = kiosk('https://x'))],
    ['a module removed', (s: StateDocument) => (s.configs[0].modules = [])],
    ['a tag deleted', (s: StateDocument) => s.tags.splice(0, 1)],
    ['a configuration added', (s: StateDocument) => s.configs.push(config('new', ['screens'], [security]))],
  ])('brings the old repository to exactly the new one after %s', (_what, change) => {
    const next = after(change);
    const files = renderRepository(BEFORE, INPUTS);
    const { write, remove } = sut(BEFORE, next, INPUTS);
    for (const path of remove) files.delete(path);
    for (const [path, text] of write) files.set(path, text);

    expect(files).toStrictEqual(renderRepository(next, INPUTS));
  });
});
