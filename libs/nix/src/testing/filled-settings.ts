import type { Settings, SettingValue } from '@thymis/domain';
import type { ModuleSpec, SettingSpec } from '../catalogue/module-spec';

/**
 * For each setting with a pattern, by path (module type, setting, list field): a value the pattern takes, keeping as
 * much of the text as it allows; `index` tells list items apart. Packages are the stand-in nixpkgs' own
 * (test/fixtures/nixpkgs), so that a rich state also evaluates.
 */
const LEGAL: Record<string, (text: string, index: number, fits: boolean) => string> = {
  'device.hostname': (text, _, fits) => (fits ? text : 'lobby-screen'),
  'localization.timeZone': (text, _, fits) => (fits ? text : 'Europe/Berlin'),
  'localization.ntpServers': (text, index, fits) => (fits ? text : ['pool.ntp.org', '192.0.2.123'][index % 2]),
  'networking.wifiPassword': (text) => {
    const printable = text.replace(/[^\x20-\x7e]/g, '');
    return (printable.length >= 8 ? printable : `${printable} password`).slice(0, 63);
  },
  'networking.staticIpv4Addresses': (_, index) => `192.168.1.${10 + index}/24`,
  'networking.defaultGateway': () => '192.168.1.1',
  'networking.nameservers': (_, index) => ['1.1.1.1', '2606:4700:4700::1111'][index % 2],
  'security.authorizedKeys': (text, index) =>
    `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${index}Mqqnk ${text.replace(/[\r\n]/g, ' ')}`,
  'security.rootPasswordHash': (text) => text.replace(/[:\r\n]/g, ''),
  'networking.wifiSsid': (text) => text.replace(/[\r\n]/g, ' '),
  'kiosk.vncPassword': (text) => text.replace(/[\r\n]/g, ''),
  'oci-containers.containers.name': (text, index, fits) => (fits ? text : `container-${index}`),
  'oci-containers.containers.ports': (_, index) => ['8080:80', '127.0.0.1:8443:443/tcp'][index % 2],
  'oci-containers.containers.environment': (text, index) => `VAR_${index}=${text}`,
  'bash-service.packages': (_, index) => ['curl', 'jq'][index % 2],
  'bash-service.timer': (text) => text.replace(/[\r\n]/g, ' '),
};

export interface FillOptions {
  /** Only values the catalogue accepts: text goes only where a setting's pattern allows it (see LEGAL). */
  legal?: boolean;
}

/**
 * Every setting of a module set, with `text` in every place a user types text; Nix code is left out because it is
 * meant to be code. Lets specs run hostile text through every text setting the catalogue has, including new ones:
 * as it is (rendering must keep any text inert), or with `legal`, only where validation lets it through.
 */
export function filledSettings(spec: ModuleSpec, text: string, options: FillOptions = {}): Settings {
  const settings: Settings = {};
  for (const setting of spec.settings) {
    if (setting.type !== 'nix') {
      settings[setting.name] = filledValue(setting, text, `${spec.type}.${setting.name}`, options);
    }
  }
  return settings;
}

function filledValue(setting: SettingSpec, text: string, path: string, options: FillOptions): SettingValue {
  const fill = (index: number) => (options.legal ? legalText(setting, text, index, path) : text);
  switch (setting.type) {
    case 'bool':
      return true;
    case 'int':
      return setting.max ?? 1;
    case 'select':
      return (setting.choices ?? []).at(-1) ?? '';
    case 'string':
    case 'textarea':
    case 'nix':
      return fill(0);
    case 'list': {
      const of = setting.of ?? 'string';
      if (of === 'string') return options.legal ? [fill(0), fill(1)] : [text, `${text}2`];
      const item: Settings = {};
      for (const field of of.fields) item[field.name] = filledValue(field, text, `${path}.${field.name}`, options);
      return [item];
    }
  }
}

function legalText(setting: SettingSpec, text: string, index: number, path: string): string {
  if (setting.pattern === undefined) return index === 0 ? text : `${text}2`;
  const legal = LEGAL[path];
  if (!legal) throw new Error(`filled-settings: ${path} has a pattern; add a legal value for it to LEGAL`);
  return legal(text, index, new RegExp(setting.pattern, 'u').test(text));
}
