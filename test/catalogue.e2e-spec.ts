import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './api-harness';

const MODULE_TYPES = [
  'device',
  'networking',
  'localization',
  'security',
  'kiosk',
  'oci-containers',
  'bash-service',
  'custom-nix',
];
const SETTING_TYPES = ['bool', 'string', 'int', 'select', 'list', 'textarea', 'nix'];

interface Setting {
  name: string;
  type: string;
  default: unknown;
  [key: string]: unknown;
}
interface ModuleType {
  type: string;
  displayName: string;
  description: string;
  settings: Setting[];
}

/** A setting as the catalogue answers it: exactly these keys, with any display name and description. */
const described = (setting: Omit<Setting, 'displayName' | 'description'>) => ({
  displayName: expect.any(String),
  description: expect.any(String),
  ...setting,
});

/** [module type, settings that break one rule, the field the 400 must name]. */
const BAD_SETTINGS: [string, Record<string, unknown>, string][] = [
  ['kiosk', { enableVnc: 'yes' }, 'settings.enableVnc'],
  ['kiosk', { enableVnc: 1 }, 'settings.enableVnc'],
  ['kiosk', { vncPort: 70000 }, 'settings.vncPort'],
  ['kiosk', { vncPort: 0 }, 'settings.vncPort'],
  ['kiosk', { vncPort: 5900.5 }, 'settings.vncPort'],
  ['kiosk', { vncPort: '5900' }, 'settings.vncPort'],
  ['kiosk', { rotation: 'sideways' }, 'settings.rotation'],
  ['kiosk', { rotation: 90 }, 'settings.rotation'],
  ['kiosk', { url: ['https://example.org'] }, 'settings.url'],
  ['security', { authorizedKeys: [1, 2] }, 'settings.authorizedKeys'],
  ['networking', { nameservers: '1.1.1.1' }, 'settings.nameservers'],
  ['bash-service', { script: { run: 'echo' } }, 'settings.script'],
  ['oci-containers', { containers: [{ name: 'web' }] }, 'settings.containers.0.image'],
  ['oci-containers', { containers: [{ name: 'web', image: 'nginx', ports: [80] }] }, 'settings.containers.0.ports'],
  ['oci-containers', { containers: [{ name: 'web', image: 'nginx', tty: true }] }, 'settings.containers.0.tty'],
  ['oci-containers', { containers: ['nginx'] }, 'settings.containers.0'],
  ['kiosk', { zoom: 1.5 }, 'settings.zoom'],
  ['localization', { timezone: 'UTC' }, 'settings.timezone'],
  // What NixOS itself would refuse at evaluation must be refused here, or the generated flake breaks.
  ['device', { hostname: 'lobby screen' }, 'settings.hostname'],
  ['localization', { timeZone: 'Europe/Berlin; reboot' }, 'settings.timeZone'],
  ['security', { authorizedKeys: ['not a key'] }, 'settings.authorizedKeys.0'],
];

const BROKEN_NIX = '{ ... }: {\n  foo = ;\n}';
const VALID_NIX = '{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.hello ];\n}\n';

describe('module catalogue', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  describe('GET /api/modules', () => {
    let catalogue: ModuleType[];
    beforeAll(async () => {
      const response = await api.user.get('/api/modules');
      expect(response.status).toBe(200);
      catalogue = response.body;
    });
    const setting = (type: string, name: string) =>
      catalogue.find((m) => m.type === type)?.settings.find((s) => s.name === name);

    it('lists every module type once, in catalogue order', () => {
      expect(catalogue.map((m) => m.type)).toEqual(MODULE_TYPES);
    });

    it('describes every module and gives every setting a known type and a default', () => {
      for (const module of catalogue) {
        expect(module).toEqual({
          type: module.type,
          displayName: expect.stringMatching(/\S/),
          description: expect.stringMatching(/\S/),
          settings: expect.any(Array),
        });
        expect(module.settings.length).toBeGreaterThan(0);
        for (const s of module.settings) {
          expect(s.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
          expect(SETTING_TYPES).toContain(s.type);
          expect(s).toHaveProperty('default');
        }
      }
    });

    it('gives the kiosk its URL, rotation choices, VNC switch and a VNC port from 1 to 65535 defaulting to 5900', () => {
      expect(setting('kiosk', 'vncPort')).toEqual(
        described({ name: 'vncPort', type: 'int', min: 1, max: 65535, default: 5900 }),
      );
      expect(setting('kiosk', 'rotation')).toEqual(
        described({
          name: 'rotation',
          type: 'select',
          choices: ['normal', 'left', 'right', 'inverted'],
          default: 'normal',
        }),
      );
      expect(setting('kiosk', 'enableVnc')).toEqual(described({ name: 'enableVnc', type: 'bool', default: false }));
      expect(setting('kiosk', 'url')).toEqual(described({ name: 'url', type: 'string', default: null }));
    });

    it('types the other modules’ settings: time zone, SSH keys, script, containers and Nix code', () => {
      expect(setting('localization', 'timeZone')).toMatchObject({ type: 'string', default: 'UTC' });
      expect(setting('security', 'authorizedKeys')).toMatchObject({ type: 'list', of: 'string', default: [] });
      expect(setting('bash-service', 'script')).toEqual(described({ name: 'script', type: 'textarea', default: '' }));
      expect(setting('custom-nix', 'code')).toEqual(
        described({ name: 'code', type: 'nix', default: '{ ... }:\n{\n}\n' }),
      );
      const containers = setting('oci-containers', 'containers');
      expect(containers).toMatchObject({ type: 'list', default: [] });
      const fields = (containers?.of as { fields: Setting[] }).fields;
      expect(fields.map((f) => [f.name, f.type, f.default])).toEqual([
        ['name', 'string', null],
        ['image', 'string', null],
        ['ports', 'list', []],
        ['environment', 'list', []],
        ['volumes', 'list', []],
      ]);
    });

    it('answers 401 without a session or token', async () => {
      const response = await api.anonymous().get('/api/modules');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthorized');
    });
  });

  describe.each(['configs', 'tags'])('settings written to %s', (owner) => {
    let counter = 0;
    const fresh = async (withModule?: string) => {
      const identifier = `${owner}-checked-${++counter}`;
      const body =
        owner === 'configs'
          ? { displayName: identifier, identifier, hardwareModel: 'generic-x86_64' }
          : { displayName: identifier, identifier };
      await api.user.post(`/api/${owner}`).send(body).expect(201);
      if (withModule) await api.user.post(`/api/${owner}/${identifier}/modules`).send({ type: withModule }).expect(201);
      return identifier;
    };
    const modules = (id: string) => `/api/${owner}/${id}/modules`;
    const listed = async (id: string) => (await api.user.get(modules(id)).expect(200)).body.items;
    /** A refusal that writes no event (api.refused) and no commit to the configuration repository. */
    const refused = async (send: () => Promise<Response>) => {
      const head = async () => (await api.user.get('/api/history?limit=1').expect(200)).body.items[0]?.sha;
      const before = await head();
      const response = await api.refused(send);
      expect(await head()).toBe(before);
      return response;
    };

    it.each(BAD_SETTINGS)('refuses adding %s with %j: 400 naming %s', async (type, settings, field) => {
      const id = await fresh();
      const response = await refused(() => api.user.post(modules(id)).send({ type, settings }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
      expect(await listed(id)).toEqual([]);
    });

    it.each(BAD_SETTINGS)('refuses changing %s to %j: 400 naming %s', async (type, settings, field) => {
      const id = await fresh(type);
      const response = await refused(() => api.user.patch(`${modules(id)}/${type}`).send({ settings }));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
      expect(await listed(id)).toEqual([{ type, settings: {} }]);
    });

    it('refuses resetting a setting the module does not have, even to null', async () => {
      const id = await fresh('kiosk');
      const response = await refused(() => api.user.patch(`${modules(id)}/kiosk`).send({ settings: { zoom: null } }));
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^settings\.zoom: /);
    });

    it.each(['ssh', 'kiosk-2', 'customnix'])(
      'refuses the unknown module type %p with 400 naming type',
      async (type) => {
        const id = await fresh();
        const response = await refused(() => api.user.post(modules(id)).send({ type, settings: {} }));
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(/^type: /);
        expect(await listed(id)).toEqual([]);
      },
    );

    it('refuses Custom Nix that does not parse with 400 giving line and column, when added or changed', async () => {
      const id = await fresh();
      const added = await refused(() =>
        api.user.post(modules(id)).send({ type: 'custom-nix', settings: { code: BROKEN_NIX } }),
      );
      expect(added.status).toBe(400);
      expect(added.body.message).toMatch(/^settings\.code: /);
      expect(added.body.message).toContain('line 2, column 9');

      await api.user.post(modules(id)).send({ type: 'custom-nix' }).expect(201);
      const changed = await refused(() =>
        api.user.patch(`${modules(id)}/custom-nix`).send({ settings: { code: BROKEN_NIX } }),
      );
      expect(changed.status).toBe(400);
      expect(changed.body.message).toContain('line 2, column 9');
      expect(await listed(id)).toEqual([{ type: 'custom-nix', settings: {} }]);
    });

    it('accepts Custom Nix that parses, and stores it verbatim', async () => {
      const id = await fresh();
      const added = await api.user.post(modules(id)).send({ type: 'custom-nix', settings: { code: VALID_NIX } });
      expect(added.status).toBe(201);
      const other = '{ ... }:\n{\n  # "${quoted}" \\ stays\n}\n';
      await api.user
        .patch(`${modules(id)}/custom-nix`)
        .send({ settings: { code: other } })
        .expect(200);
      expect(await listed(id)).toEqual([{ type: 'custom-nix', settings: { code: other } }]);
    });

    it('accepts every setting of the right type at its bounds', async () => {
      const id = await fresh();
      const settings = { url: 'https://example.org', rotation: 'right', enableVnc: true, vncPort: 65535 };
      await api.user.post(modules(id)).send({ type: 'kiosk', settings }).expect(201);
      await api.user
        .patch(`${modules(id)}/kiosk`)
        .send({ settings: { vncPort: 1, vncPassword: 'secret' } })
        .expect(200);
      expect(await listed(id)).toEqual([
        { type: 'kiosk', settings: { ...settings, vncPort: 1, vncPassword: 'secret' } },
      ]);
    });
  });
});
