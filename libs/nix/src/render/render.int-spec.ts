import type { ConfigState, ModuleInstance, StateDocument } from '@thymis/domain';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MODULE_CATALOGUE } from '../catalogue/catalogue';
import { HOSTILE_STRINGS } from '../testing/hostile-strings';
import { nixCli } from '../testing/nix-cli';
import { richState } from '../testing/rich-state';
import { INPUTS } from '../testing/states';
import { nixString } from './nix-value';
import { renderRepository } from './repository';
import {
  copyThymisFlake,
  initFlakeRepo,
  makeTempDir,
  nixEval,
  nixEnv,
  nixFlakeCheck,
  removeTempDir,
  STAND_IN_NIXPKGS,
  writeFiles,
  type NixOptions,
} from '../../../../test/nix';

/** An absolute path as a Nix expression, whatever characters the temporary directory has. */
const nixPath = (path: string) => `(/. + ${nixString(path)})`;

/** A stand-in `lib` whose mkOverride keeps priority and value apart, so a module evaluates to what it sets. */
const STUB_LIB = '{ mkOverride = priority: value: { inherit priority value; }; }';

/** What a rendered module file must evaluate to: exactly the settings given, each at the owner's priority. */
function expectedOptions(module: ModuleInstance, priority: number) {
  const options: Record<string, unknown> = { enable: { priority, value: true } };
  for (const [name, value] of Object.entries(module.settings)) options[name] = { priority, value };
  return { thymis: { [module.type]: options } };
}

describe('rendered repository under real Nix', () => {
  const nix = nixCli();
  const state = richState();
  const files = renderRepository(state, INPUTS);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thymis-render-'));
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    nix.dispose();
  });

  it('renders every module for three configurations and two tags', () => {
    expect([...files.keys()].filter((p) => p.endsWith('.nix'))).toHaveLength(1 + 3 * 9 + 2 * 8);
  });

  it.each([...files.keys()].filter((path) => path.endsWith('.nix')))('%s parses', (path) => {
    expect(() => nix.parse(join(dir, path))).not.toThrow();
  });

  it('evaluates every hostile string back to exactly itself', () => {
    const list = `[\n${HOSTILE_STRINGS.map((s) => `  ${nixString(s)}\n`).join('')}]`;

    expect(nix.evalJson(list)).toStrictEqual(HOSTILE_STRINGS);
  });

  it('evaluates every module file to exactly the settings of its module, at its priority', () => {
    const owners = [
      ...state.configs.map((c) => ({ dir: `hosts/${c.identifier}`, priority: 80, modules: c.modules })),
      ...state.tags.map((t) => ({ dir: `tags/${t.identifier}`, priority: t.priority, modules: t.modules })),
    ];
    const checked = owners.flatMap((owner) =>
      owner.modules
        .filter((m) => m.type !== 'custom-nix')
        .map((m) => ({ path: `${owner.dir}/${m.type}.nix`, expected: expectedOptions(m, owner.priority) })),
    );
    const expression = `{\n${checked
      .map(({ path }) => `  ${nixString(path)} = import ${nixPath(join(dir, path))} { lib = ${STUB_LIB}; };\n`)
      .join('')}}`;

    expect(nix.evalJson(expression)).toStrictEqual(
      Object.fromEntries(checked.map(({ path, expected }) => [path, expected])),
    );
  });

  it('evaluates default.nix to the hardware, the format and no hostname when the device module sets one', () => {
    const value = nix.evalJson(`import ${nixPath(join(dir, 'hosts/lobby/default.nix'))} { lib = ${STUB_LIB}; }`);

    expect(value).toStrictEqual({
      thymis: {
        device: {
          hardwareModel: { priority: 80, value: 'raspberry-pi-4' },
          imageFormat: { priority: 80, value: 'sd-card-image' },
        },
      },
    });
  });

  it('writes custom Nix byte for byte', () => {
    for (const config of state.configs) {
      const code = config.modules.find((m) => m.type === 'custom-nix')?.settings.code;
      expect(files.get(`hosts/${config.identifier}/custom-nix.nix`)).toBe(code);
    }
  });

  it('gives a flake whose systems import their files in order and whose images are named per configuration', () => {
    // A stand-in nixpkgs whose nixosSystem hands back its module list as the image.
    const expression = `
      let
        flake = import ${nixPath(join(dir, 'flake.nix'))};
        relative = m: if builtins.isPath m then builtins.substring ${dir.length + 1} 1000 (toString m) else m;
        outputs = flake.outputs {
          self = outputs;
          nixpkgs.lib.nixosSystem = args: { config.system.build.thymisImage = map relative args.modules; };
          thymis.nixosModules.device = "thymis-device";
        };
      in { inherit (flake) inputs; images = outputs.packages.x86_64-linux; }`;
    const { inputs, images } = nix.evalJson(expression) as { inputs: unknown; images: Record<string, string[]> };

    expect(inputs).toStrictEqual({ nixpkgs: { url: INPUTS.nixpkgs }, thymis: { url: INPUTS.thymis } });
    expect(Object.keys(images)).toStrictEqual(['image-in', 'image-lobby', 'image-office']);
    const types = MODULE_CATALOGUE.map((m) => m.type).sort();
    const own = (c: string) => [`hosts/${c}/default.nix`, ...types.map((t) => `hosts/${c}/${t}.nix`)];
    const tagged = (t: string) => types.map((type) => `tags/${t}/${type}.nix`);
    expect(images['image-lobby']).toStrictEqual([
      'thymis-device',
      ...own('lobby'),
      ...tagged('screens'),
      ...tagged('all'),
    ]);
    expect(images['image-in']).toStrictEqual(['thymis-device', ...own('in')]);
    for (const paths of Object.values(images)) for (const p of paths.slice(1)) expect(files.has(p)).toBe(true);
  });
});

/** Per module type, the settings a configuration ends up with: each from the owner with the lowest priority number. */
function winningSettings(state: StateDocument, config: ConfigState): Record<string, Record<string, unknown>> {
  const owners = [
    { priority: 80, modules: config.modules },
    ...config.tags.flatMap((id) => state.tags.filter((t) => t.identifier === id)),
  ].sort((a, b) => a.priority - b.priority);
  const result: Record<string, Record<string, unknown>> = {};
  for (const owner of owners.reverse()) {
    for (const m of owner.modules.filter((m) => m.type !== 'custom-nix'))
      Object.assign((result[m.type] ??= {}), m.settings);
  }
  return result;
}

describe('rendered rich state as a flake, against nix/ and the stand-in nixpkgs', () => {
  const state = richState();
  let tmp: string;
  let repo: string;
  let options: NixOptions;

  beforeAll(async () => {
    tmp = await makeTempDir('thymis-rich-flake-');
    repo = join(tmp, 'repo');
    options = {
      env: nixEnv(join(tmp, 'nix')),
      overrideInputs: { nixpkgs: `path:${STAND_IN_NIXPKGS}`, thymis: await copyThymisFlake(join(tmp, 'thymis')) },
      timeoutMs: 120_000,
    };
    await writeFiles(repo, Object.fromEntries(renderRepository(state, INPUTS)));
    await initFlakeRepo(repo);
  });
  afterAll(() => removeTempDir(tmp));

  it('passes nix flake check: every option of every configuration evaluates and type-checks', async () => {
    await expect(nixFlakeCheck(repo, options)).resolves.toBeUndefined();
  }, 120_000);

  it('hands the device side every setting as written, hostile strings included, from the winning owner', async () => {
    const thymis = await nixEval<Record<string, Record<string, Record<string, unknown>>>>(repo, 'nixosConfigurations', {
      ...options,
      // Container items are submodules: leave out the module system's own attribute.
      apply: `cs: builtins.mapAttrs (_: c: let t = c.config.thymis; in t // {
        oci-containers = t.oci-containers // { containers = map (x: removeAttrs x [ "_module" ]) t.oci-containers.containers; };
      }) cs`,
    });

    for (const config of state.configs) {
      const expected = winningSettings(state, config);
      const actual = Object.fromEntries(
        Object.entries(expected).map(([type, settings]) => [
          type,
          Object.fromEntries(Object.keys(settings).map((name) => [name, thymis[config.identifier][type][name]])),
        ]),
      );
      expect([config.identifier, actual]).toStrictEqual([config.identifier, expected]);
    }
  }, 120_000);
});
