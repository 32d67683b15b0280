import type { Settings } from '@thymis/domain';
import { MODULE_CATALOGUE } from '../catalogue/catalogue';
import { errorOf } from '@thymis/domain/testing';
import { filledSettings } from '../testing/filled-settings';
import { HOSTILE_STRINGS } from '../testing/hostile-strings';
import { nixCodeSettings, validateModuleSettings, type SettingsMode } from './validate-settings';

/** The field and message of the validation error the settings cause. */
function refusal(type: string, settings: Settings, mode: SettingsMode = 'patch') {
  const error = errorOf(() => validateModuleSettings(type, settings, mode));
  expect(error.code).toBe('validation_failed');
  return { field: error.field, message: error.message };
}

const container = { name: 'web', image: 'nginx' };

describe(validateModuleSettings.name, () => {
  const sut = validateModuleSettings;

  it.each(MODULE_CATALOGUE.map((spec) => [spec.type, spec] as const))(
    'accepts every setting of %s set to a value of its type',
    (type, spec) => {
      expect(() => sut(type, filledSettings(spec, 'text', { legal: true }), 'complete')).not.toThrow();
      expect(() => sut(type, {}, 'complete')).not.toThrow();
    },
  );

  it.each(MODULE_CATALOGUE.map((spec) => [spec.type, spec] as const))(
    'accepts hostile strings in %s wherever its patterns let them through',
    (type, spec) => {
      for (const hostile of HOSTILE_STRINGS) {
        expect(() => sut(type, filledSettings(spec, hostile, { legal: true }), 'complete')).not.toThrow();
      }
    },
  );

  it.each(MODULE_CATALOGUE.flatMap((spec) => spec.settings.map((s) => [spec.type, s.name, s] as const)))(
    'accepts the default of %s.%s as a value, or leaves it out when it is null',
    (type, name, setting) => {
      if (setting.default !== null) expect(() => sut(type, { [name]: setting.default }, 'complete')).not.toThrow();
    },
  );

  it('refuses a module type that is not in the catalogue', () => {
    expect(refusal('kiosk-browser', {})).toStrictEqual({
      field: 'type',
      message: "type: 'kiosk-browser' is not a module type",
    });
  });

  it('refuses a setting the module does not have, naming it', () => {
    expect(refusal('kiosk', { zoom: 2 })).toStrictEqual({
      field: 'settings.zoom',
      message: 'settings.zoom: is not a setting of kiosk',
    });
    expect(refusal('kiosk', JSON.parse('{"__proto__": 1}') as Settings).field).toBe('settings.__proto__');
  });

  it.each([
    ['kiosk', { vncPort: 0 }, 'settings.vncPort', 'must be a whole number from 1 to 65535'],
    ['kiosk', { vncPort: 65536 }, 'settings.vncPort', 'must be a whole number from 1 to 65535'],
    ['kiosk', { vncPort: 5900.5 }, 'settings.vncPort', 'must be a whole number from 1 to 65535'],
    ['kiosk', { vncPort: '5900' }, 'settings.vncPort', 'must be a whole number from 1 to 65535'],
    ['kiosk', { rotation: 'sideways' }, 'settings.rotation', 'must be one of normal, left, right, inverted'],
    ['kiosk', { rotation: 90 }, 'settings.rotation', 'must be one of normal, left, right, inverted'],
    ['kiosk', { enableVnc: 'yes' }, 'settings.enableVnc', 'must be true or false'],
    ['kiosk', { url: ['https://example.org'] }, 'settings.url', 'must be a string'],
    ['bash-service', { script: 42 }, 'settings.script', 'must be a string'],
    ['custom-nix', { code: { x: 1 } }, 'settings.code', 'must be a string'],
    ['networking', { nameservers: '1.1.1.1' }, 'settings.nameservers', 'must be a list of strings'],
    ['networking', { nameservers: ['1.1.1.1', 9] }, 'settings.nameservers', 'must be a list of strings'],
    ['security', { authorizedKeys: ['ok', null] }, 'settings.authorizedKeys', 'must be a list of strings'],
    ['oci-containers', { containers: container }, 'settings.containers', 'must be a list'],
    ['oci-containers', { containers: ['web'] }, 'settings.containers.0', 'must be an object with name, image, ports'],
  ])('refuses %s %j naming %s', (type, settings: Settings, field, reason) => {
    const { field: named, message } = refusal(type, settings);
    expect(named).toBe(field);
    expect(message).toContain(reason);
  });

  const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

  it.each([
    ['device', { hostname: 'lobby screen' }, 'settings.hostname', 'must be a host name'],
    ['device', { hostname: '-lobby' }, 'settings.hostname', 'must be a host name'],
    ['device', { hostname: 'lobby-' }, 'settings.hostname', 'must be a host name'],
    ['device', { hostname: 'lobby.example' }, 'settings.hostname', 'must be a host name'],
    ['device', { hostname: 'x'.repeat(64) }, 'settings.hostname', 'must be a host name'],
    ['device', { hostname: '' }, 'settings.hostname', 'must be a host name'],
    ['localization', { timeZone: 'Europe/ Berlin' }, 'settings.timeZone', 'must be a time zone'],
    ['localization', { timeZone: '${x}' }, 'settings.timeZone', 'must be a time zone'],
    ['localization', { ntpServers: ['pool.ntp.org', 'ntp server'] }, 'settings.ntpServers.1', 'must be a host name'],
    ['localization', { ntpServers: ['300.1.1.1'] }, 'settings.ntpServers.0', 'or an IPv4 or IPv6 address'],
    ['bash-service', { packages: ['curl', 'pkgs.${x}'] }, 'settings.packages.1', 'must be a nixpkgs attribute path'],
    ['bash-service', { packages: ['curl jq'] }, 'settings.packages.0', 'must be a nixpkgs attribute path'],
    ['bash-service', { timer: 'hourly\nPersistent=false' }, 'settings.timer', 'must be one line'],
    ['kiosk', { vncPassword: 'secret\n' }, 'settings.vncPassword', 'must be one line'],
    ['networking', { wifiPassword: 'short' }, 'settings.wifiPassword', 'must be a WPA passphrase'],
    ['networking', { wifiPassword: 'pässwörter' }, 'settings.wifiPassword', 'must be a WPA passphrase'],
    ['networking', { staticIpv4Addresses: ['192.168.1.10'] }, 'settings.staticIpv4Addresses.0', '/24'],
    ['networking', { staticIpv4Addresses: ['10.0.0.1/8', '10.0.0.256/8'] }, 'settings.staticIpv4Addresses.1', 'IPv4'],
    ['networking', { defaultGateway: 'router' }, 'settings.defaultGateway', 'must be an IPv4 address'],
    ['networking', { defaultGateway: '::1' }, 'settings.defaultGateway', 'must be an IPv4 address'],
    ['networking', { nameservers: ['1.1.1.1', 'dns.example'] }, 'settings.nameservers.1', 'must be an IPv4 or IPv6'],
    ['security', { authorizedKeys: [key, 'AAAA alice'] }, 'settings.authorizedKeys.1', 'must be an SSH public key'],
    ['security', { authorizedKeys: [`${key}\n${key}`] }, 'settings.authorizedKeys.0', 'must be an SSH public key'],
    ['security', { rootPasswordHash: '$6$salt:hash' }, 'settings.rootPasswordHash', 'one line without ":"'],
  ])('refuses %s %j naming %s', (type, settings: Settings, field, reason) => {
    const { field: named, message } = refusal(type, settings);
    expect(named).toBe(field);
    expect(message).toContain(reason);
  });

  it.each([
    ['device', { hostname: 'lobby-screen-2' }],
    ['localization', { timeZone: 'America/Argentina/Buenos_Aires', ntpServers: ['0.pool.ntp.org', '192.0.2.1'] }],
    ['localization', { timeZone: 'Etc/GMT+5', ntpServers: ['2001:db8::123', 'ntp'] }],
    ['bash-service', { packages: ['curl', 'python3Packages.requests'], timer: '*-*-* 03:00:00' }],
    ['kiosk', { vncPassword: 'pa "${ss}" \\ word' }],
    ['networking', { wifiPassword: 'correct "horse" ${battery}', staticIpv4Addresses: ['192.168.1.10/24'] }],
    ['networking', { defaultGateway: '192.168.1.1', nameservers: ['1.1.1.1', '2606:4700:4700::1111'] }],
    ['security', { authorizedKeys: [key, `${key} alice@laptop "\${x}"`], rootPasswordHash: '$6$salt$hash' }],
  ])('accepts %s %j', (type, settings: Settings) => {
    expect(() => sut(type, settings, 'complete')).not.toThrow();
  });

  describe('containers', () => {
    const containers = (second: Settings) => ({ containers: [container, { ...container, name: 'db', ...second }] });

    it.each([
      [{ name: 'web' }, 'settings.containers.1.name', 'must differ from settings.containers.0.name (both are "web")'],
      [{ name: 'my app' }, 'settings.containers.1.name', 'must be a name of letters, digits'],
      [{ name: '-db' }, 'settings.containers.1.name', 'must be a name of letters, digits'],
      [{ name: 'a/b' }, 'settings.containers.1.name', 'must be a name of letters, digits'],
      [{ ports: ['8080:80', '80:80/icmp'] }, 'settings.containers.1.ports.1', 'must be a published port'],
      [{ ports: ['localhost:8080:80'] }, 'settings.containers.1.ports.0', 'must be a published port'],
      [{ ports: ['8080:70000'] }, 'settings.containers.1.ports.0', 'must be a published port'],
      [{ environment: ['A=1', 'B'] }, 'settings.containers.1.environment.1', 'must be KEY=value'],
      [{ environment: ['1A=x'] }, 'settings.containers.1.environment.0', 'must be KEY=value'],
      [{ environment: ['MY-VAR=x'] }, 'settings.containers.1.environment.0', 'must be KEY=value'],
    ])('refuses %j naming %s', (second: Settings, field, reason) => {
      const { field: named, message } = refusal('oci-containers', containers(second));
      expect(named).toBe(field);
      expect(message.startsWith(`${field}: ${reason}`)).toBe(true);
    });

    it('accepts ports, environment values and volumes of any text the device side can take', () => {
      const ports = ['80', '8080:80', '127.0.0.1:8080:80/tcp', '[::1]:5353:53/udp', '8000-8010:8000-8010'];
      const environment = ['A=1', 'B=x=y', 'SCRIPT=echo "${HOME}"\n$(id)', 'EMPTY='];
      expect(() =>
        sut('oci-containers', containers({ ports, environment, volumes: ['/srv:/data'] }), 'complete'),
      ).not.toThrow();
    });
  });

  it('checks each field of each list item, naming the item and the field', () => {
    const settings = (second: Settings) => ({ containers: [container, second] });

    expect(refusal('oci-containers', settings({ ...container, image: 7 })).field).toBe('settings.containers.1.image');
    expect(refusal('oci-containers', settings({ ...container, ports: [80] })).field).toBe(
      'settings.containers.1.ports',
    );
    expect(refusal('oci-containers', settings({ ...container, image: null })).field).toBe(
      'settings.containers.1.image',
    );
    expect(refusal('oci-containers', settings({ ...container, cpu: 2 })).field).toBe('settings.containers.1.cpu');
  });

  it('requires the fields of a list item that have no default', () => {
    expect(refusal('oci-containers', { containers: [{ name: 'web' }] })).toStrictEqual({
      field: 'settings.containers.0.image',
      message: 'settings.containers.0.image: is required',
    });
  });

  it('refuses text Nix could not give back as written', () => {
    expect(refusal('kiosk', { url: 'a\0b' }).field).toBe('settings.url');
    expect(refusal('kiosk', { url: '\ud800' }).field).toBe('settings.url');
    expect(refusal('networking', { nameservers: ['1.1.1.1', 'a\0b'] }).field).toBe('settings.nameservers.1');
  });

  it('accepts text of any other kind, however hostile: rendering makes it inert', () => {
    expect(() => sut('kiosk', { url: '${builtins.abort "x"}\n\'\'\\' }, 'complete')).not.toThrow();
  });

  it('lets a patch return settings to their default with null, but not stored settings', () => {
    expect(() => sut('kiosk', { url: null, vncPort: null }, 'patch')).not.toThrow();
    expect(refusal('kiosk', { vncPort: null }, 'complete').field).toBe('settings.vncPort');
  });

  it('still refuses an unknown setting given as null', () => {
    expect(refusal('kiosk', { zoom: null }).field).toBe('settings.zoom');
  });
});

describe(nixCodeSettings.name, () => {
  it('gives the Nix code settings the caller must parse', () => {
    expect(nixCodeSettings('custom-nix', { code: '{ }' })).toStrictEqual([['code', '{ }']]);
  });

  it('gives nothing for a patch that leaves the code alone or resets it, or for other modules', () => {
    expect(nixCodeSettings('custom-nix', {})).toStrictEqual([]);
    expect(nixCodeSettings('custom-nix', { code: null })).toStrictEqual([]);
    expect(nixCodeSettings('kiosk', { url: '{' })).toStrictEqual([]);
    expect(nixCodeSettings('no-such-module', { code: '{' })).toStrictEqual([]);
  });
});
