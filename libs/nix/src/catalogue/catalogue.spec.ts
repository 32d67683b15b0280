import { isIdentifier } from '@thymis/domain';
import { findModuleSpec, MODULE_CATALOGUE } from './catalogue';
import type { SettingSpec } from './module-spec';

const allSettings = (settings: SettingSpec[]): SettingSpec[] =>
  settings.flatMap((s) => [s, ...(typeof s.of === 'object' ? allSettings(s.of.fields) : [])]);

describe('MODULE_CATALOGUE', () => {
  it('has the modules the issue asks for, in dashboard order', () => {
    expect(MODULE_CATALOGUE.map((m) => m.type)).toStrictEqual([
      'device',
      'networking',
      'localization',
      'security',
      'kiosk',
      'oci-containers',
      'bash-service',
      'custom-nix',
    ]);
  });

  it.each(MODULE_CATALOGUE.map((m) => [m.type, m] as const))('describes %s consistently', (_type, spec) => {
    expect(isIdentifier(spec.type)).toBe(true);
    expect(spec.displayName).not.toBe('');
    expect(spec.description).toMatch(/^[^\n]+\.$/);
    const names = spec.settings.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const setting of allSettings(spec.settings)) {
      expect(setting.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(setting.displayName).not.toBe('');
      expect(setting.description).toMatch(/^[^\n]+\.$/);
      expect(setting.choices !== undefined).toBe(setting.type === 'select');
      expect(setting.of !== undefined).toBe(setting.type === 'list');
      if (setting.type === 'select') expect(setting.choices).toContain(setting.default);
    }
  });

  it.each(MODULE_CATALOGUE.map((m) => [m.type, m] as const))('gives %s patterns the API can carry', (_type, spec) => {
    for (const setting of allSettings(spec.settings)) {
      expect(setting.patternDescription !== undefined).toBe(setting.pattern !== undefined);
      if (setting.pattern === undefined) continue;
      // Strings and lists of strings only: validate-settings checks nothing else against a pattern.
      expect(setting.type === 'string' || (setting.type === 'list' && setting.of === 'string')).toBe(true);
      const regex = new RegExp(setting.pattern, 'u');
      for (const value of [setting.default].flat()) if (typeof value === 'string') expect(regex.test(value)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
  });

  it('refuses duplicate container names, as the device side asserts', () => {
    const containers = findModuleSpec('oci-containers')?.settings.find((s) => s.name === 'containers');
    const fields = typeof containers?.of === 'object' ? containers.of.fields : [];
    expect(fields.filter((f) => f.unique).map((f) => f.name)).toStrictEqual(['name']);
  });

  it('checks the settings NixOS or the device side would refuse, or could not put on one line', () => {
    const patterned = MODULE_CATALOGUE.flatMap((m) =>
      allSettings(m.settings)
        .filter((s) => s.pattern !== undefined)
        .map((s) => `${m.type}.${s.name}`),
    );
    expect(patterned).toStrictEqual([
      'device.hostname',
      'networking.wifiSsid',
      'networking.wifiPassword',
      'networking.staticIpv4Addresses',
      'networking.defaultGateway',
      'networking.nameservers',
      'localization.timeZone',
      'localization.ntpServers',
      'security.authorizedKeys',
      'security.rootPasswordHash',
      'kiosk.vncPassword',
      'oci-containers.name',
      'oci-containers.ports',
      'oci-containers.environment',
      'bash-service.packages',
      'bash-service.timer',
    ]);
  });

  it('has the defaults the device side declares too', () => {
    const defaultOf = (type: string, name: string) =>
      findModuleSpec(type)?.settings.find((s) => s.name === name)?.default;

    expect(defaultOf('device', 'nixosStateVersion')).toBe('25.05');
    expect(defaultOf('localization', 'timeZone')).toBe('UTC');
    expect(defaultOf('kiosk', 'enableVnc')).toBe(false);
    expect(defaultOf('kiosk', 'vncPort')).toBe(5900);
    expect(defaultOf('kiosk', 'rotation')).toBe('normal');
  });
});

describe(findModuleSpec.name, () => {
  it('finds a module by type, and nothing for an unknown type', () => {
    expect(findModuleSpec('kiosk')?.displayName).toBe('Kiosk');
    expect(findModuleSpec('kiosk-browser')).toBeUndefined();
    expect(findModuleSpec('constructor')).toBeUndefined();
  });
});
