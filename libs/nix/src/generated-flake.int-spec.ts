import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { ModuleInstance, Settings, SettingValue } from '@thymis/domain';
import { startApi, type ApiHarness } from '../../../test/api-harness';
import {
  copyThymisFlake,
  makeTempDir,
  nixEnv,
  nixEval,
  nixFlakeCheck,
  removeTempDir,
  STAND_IN_NIXPKGS,
  type NixOptions,
} from '../../../test/nix';
import { MODULE_CATALOGUE } from './catalogue/catalogue';
import { HOSTILE_STRINGS } from './testing/hostile-strings';

// The whole pipeline: a rich state written through the API, rendered into the configuration repository by the
// projection, then that repository evaluated and checked by Debian's Nix (offline, private store) against the
// stand-in nixpkgs and a copy of this project's flake.

const hostile = (k: number) => HOSTILE_STRINGS[k % HOSTILE_STRINGS.length];
const ONE_LINE = HOSTILE_STRINGS.filter((s) => !/[\r\n]/.test(s));
const oneLine = (k: number) => ONE_LINE[k % ONE_LINE.length];
/** NixOS refuses a password hash with ":"; WPA passphrases are 8 to 63 printable ASCII characters. */
const NO_COLON = ONE_LINE.filter((s) => !s.includes(':'));
const WPA = ['"; builtins.abort "x"; "', '${builtins.abort "x"}', 'ends with a backslash \\'];
const LOBBY_URL = "https://kiosk.example/?q=\"${HOME}\"&a='b'\\ ''${x} $(id)\n";

/** Custom Nix that uses what a naive renderer would choke on; each owner writes a file of its own. */
const customNix = (owner: string) => `{ lib, ... }:
{
  # "quotes" and \${not code}
  environment.etc."custom-${owner}".text = ''
    it'''s ''\${literal} and \${lib.toUpper "interpolated"} \\ "quoted"
  '';
}
`;
const CUSTOM_TEXT = 'it\'\'s ${literal} and INTERPOLATED \\ "quoted"\n';

/** Every module type, hostile text in every setting NixOS takes verbatim; valid values where NixOS checks them. */
function everyModule(owner: string, k: number, own: Partial<Record<string, Settings>> = {}): ModuleInstance[] {
  const settings: Record<string, Settings> = {
    device: { nixosStateVersion: '24.11', controllerUrl: hostile(k) },
    networking: {
      wifiSsid: hostile(k + 1),
      wifiPassword: WPA[k % WPA.length],
      staticIpv4Addresses: ['192.168.1.20/24'],
      defaultGateway: '192.168.1.1',
      nameservers: ['1.1.1.1', '2606:4700:4700::1111'],
    },
    localization: { timeZone: 'America/New_York', ntpServers: ['pool.ntp.org', '192.0.2.1'] },
    security: {
      authorizedKeys: [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${k} ${oneLine(k + 2)}`],
      rootPasswordHash: NO_COLON[k % NO_COLON.length],
    },
    kiosk: { url: hostile(k + 3), rotation: 'left', enableVnc: true, vncPassword: oneLine(k + 4), vncPort: 5901 },
    'oci-containers': {
      containers: [
        {
          name: `web-${owner}`,
          image: hostile(k + 5),
          ports: ['8080:80', '127.0.0.1:9090:90/udp'],
          environment: [`HOSTILE=${hostile(k + 6)}`, 'PLAIN=a=b'],
          volumes: [hostile(k + 7)],
        },
      ],
    },
    'bash-service': { script: hostile(k + 8) + hostile(15), packages: ['curl', 'jq'], timer: oneLine(k + 9) },
    'custom-nix': { code: customNix(owner) },
  };
  return MODULE_CATALOGUE.map(({ type }) => ({ type, settings: { ...settings[type], ...own[type] } }));
}

const SCREENS_SETTINGS: Partial<Record<string, Settings>> = {
  kiosk: { rotation: 'inverted' },
  localization: { timeZone: 'Europe/Berlin' },
};
const TAGS = [
  { identifier: 'all', displayName: 'All "devices"', priority: 90, modules: everyModule('all', 1) },
  // Priority 20 beats the configurations' 80: a few settings of each module, to show which wins where.
  {
    identifier: 'screens',
    displayName: 'Screens ${x}',
    priority: 20,
    modules: everyModule('screens', 2).map((m) => ({
      type: m.type,
      settings: SCREENS_SETTINGS[m.type] ?? {},
    })),
  },
];
const CONFIGS = [
  {
    identifier: 'lobby',
    hardwareModel: 'raspberry-pi-4',
    tags: ['screens', 'all'],
    modules: everyModule('lobby', 3, { device: { hostname: 'lobby-screen' }, kiosk: { url: LOBBY_URL } }),
  },
  { identifier: 'office', hardwareModel: 'generic-x86_64', tags: ['all'], modules: everyModule('office', 4) },
  // "in" is a Nix keyword.
  { identifier: 'in', hardwareModel: 'generic-aarch64', tags: [], modules: everyModule('in', 5) },
];

/** What thymis.<type>.<setting> must be: the lowest priority that sets it wins (configurations at 80), or its default. */
function expectedSetting(config: (typeof CONFIGS)[number], type: string, name: string): SettingValue {
  const owners = [
    { priority: 80, modules: config.modules },
    ...TAGS.filter((t) => config.tags.includes(t.identifier)),
  ].sort((a, b) => a.priority - b.priority);
  for (const owner of owners) {
    const value = owner.modules.find((m) => m.type === type)?.settings[name];
    if (value !== undefined) return value;
  }
  if (type === 'device' && name === 'hostname') return config.identifier;
  return MODULE_CATALOGUE.find((m) => m.type === type)!.settings.find((s) => s.name === name)!.default;
}

/** Submodule values (the containers) carry the module system's own `_module` attribute: not a setting. */
const withoutModuleArgs = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((item: unknown) =>
        item && typeof item === 'object'
          ? Object.fromEntries(Object.entries(item).filter(([k]) => k !== '_module'))
          : item,
      )
    : value;

describe('generated configuration flake', () => {
  let api: ApiHarness;
  let tmp: string;
  let options: NixOptions;
  let repo: string;

  beforeAll(async () => {
    api = await startApi();
    const send = async (url: string, body: object) => {
      const response = await api.user.post(url).send(body);
      if (response.status !== 201) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    };
    for (const { modules, ...tag } of TAGS) {
      await send('/api/tags', tag);
      for (const module of modules) await send(`/api/tags/${tag.identifier}/modules`, module);
    }
    for (const { modules, ...config } of CONFIGS) {
      await send('/api/configs', { ...config, displayName: `Config ${config.identifier}` });
      for (const module of modules) await send(`/api/configs/${config.identifier}/modules`, module);
    }
    repo = api.config.repoPath;
    tmp = await makeTempDir('thymis-generated-flake-');
    options = {
      env: nixEnv(join(tmp, 'nix')),
      overrideInputs: { nixpkgs: `path:${STAND_IN_NIXPKGS}`, thymis: await copyThymisFlake(join(tmp, 'thymis')) },
      timeoutMs: 120_000,
    };
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    if (tmp) await removeTempDir(tmp);
  });

  const nixFiles = async () =>
    (await readdir(repo, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.nix'))
      .map((entry) => relative(repo, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith('.git/'))
      .sort();

  it('writes a file for every module of every owner, and every file parses', async () => {
    const files = await nixFiles();
    expect(files).toHaveLength(
      1 + CONFIGS.length * (1 + MODULE_CATALOGUE.length) + TAGS.length * MODULE_CATALOGUE.length,
    );
    for (const file of files) {
      await expect(
        promisify(execFile)('nix-instantiate', ['--parse', join(repo, file)], { env: options.env }),
      ).resolves.toBeDefined();
    }
  });

  it('passes nix flake check', async () => {
    await expect(nixFlakeCheck(repo, options)).resolves.toBeUndefined();
  }, 120_000);

  it('gives every setting of every configuration its owner’s value verbatim: configuration over tag 90, tag 20 over both', async () => {
    const thymis = await nixEval<Record<string, Record<string, Record<string, unknown>>>>(repo, 'nixosConfigurations', {
      ...options,
      apply: 'cs: builtins.mapAttrs (_: s: s.config.thymis) cs',
    });
    for (const config of CONFIGS) {
      for (const spec of MODULE_CATALOGUE.filter((m) => m.type !== 'custom-nix')) {
        const expected = Object.fromEntries(
          spec.settings.map((s) => [s.name, expectedSetting(config, spec.type, s.name)]),
        );
        const actual = Object.fromEntries(
          spec.settings.map((s) => [s.name, withoutModuleArgs(thymis[config.identifier][spec.type][s.name])]),
        );
        expect({ config: config.identifier, type: spec.type, settings: actual }).toEqual({
          config: config.identifier,
          type: spec.type,
          settings: expected,
        });
      }
    }
  }, 60_000);

  it('shows the lobby the hostile URL exactly, rotated as its tag says, with its own host name and Custom Nix', async () => {
    const lobby = await nixEval<Record<string, unknown>>(repo, 'nixosConfigurations.lobby.config', {
      ...options,
      apply: `c: {
        url = c.thymis.kiosk.url; rotation = c.thymis.kiosk.rotation; hostName = c.networking.hostName;
        timeZone = c.time.timeZone; cage = c.services.cage.enable; custom = c.environment.etc."custom-lobby".text;
        tagCustom = c.environment.etc."custom-all".text; keys = c.users.users.root.openssh.authorizedKeys.keys;
      }`,
    });
    expect(lobby).toEqual({
      url: LOBBY_URL,
      rotation: 'inverted',
      hostName: 'lobby-screen',
      timeZone: 'Europe/Berlin',
      cage: true,
      custom: CUSTOM_TEXT,
      tagCustom: CUSTOM_TEXT,
      keys: CONFIGS[0].modules.find((m) => m.type === 'security')!.settings.authorizedKeys,
    });
  }, 60_000);

  it('names each configuration after its identifier when its device module sets no host name', async () => {
    const names = await nixEval(repo, 'nixosConfigurations', {
      ...options,
      apply: 'cs: builtins.mapAttrs (_: s: s.config.networking.hostName) cs',
    });
    expect(names).toEqual({ in: 'in', lobby: 'lobby-screen', office: 'office' });
  }, 60_000);
});
