import type { ModuleTypeView, SettingView } from '@thymis/contracts';
import { ApiError } from '../../core/http/api-error';
import {
  describeValue,
  errorAt,
  matchesSearch,
  newItem,
  nixErrorPosition,
  sameValue,
  startingValue,
} from './setting-values';

const setting = (overrides: Partial<SettingView>): SettingView => ({
  name: 'x',
  type: 'string',
  displayName: 'X',
  description: '',
  default: null,
  ...overrides,
});

describe(sameValue.name, () => {
  it('compares JSON values by content', () => {
    expect(sameValue([{ a: 1, b: ['x'] }], [{ b: ['x'], a: 1 }])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue('', '')).toBe(true);
  });
});

describe(describeValue.name, () => {
  it('puts empty and missing defaults in words', () => {
    expect(describeValue(null, setting({}))).toBe('not set');
    expect(describeValue('', setting({}))).toBe('empty');
    expect(describeValue([], setting({ type: 'list', of: 'string' }))).toBe('none');
    expect(describeValue(false, setting({ type: 'bool' }))).toBe('off');
  });

  it('shows values as they read', () => {
    expect(describeValue(5900, setting({ type: 'int' }))).toBe('5900');
    expect(describeValue(['a', 'b'], setting({ type: 'list', of: 'string' }))).toBe('a, b');
    expect(describeValue([{}, {}], setting({ type: 'list', of: { fields: [] } }))).toBe('2 entries');
  });
});

describe(startingValue.name, () => {
  it('starts from the default, or an empty value of the type when there is none', () => {
    expect(startingValue(setting({ default: 'UTC' }))).toBe('UTC');
    expect(startingValue(setting({}))).toBe('');
    expect(startingValue(setting({ type: 'int', min: 1 }))).toBe(1);
    expect(startingValue(setting({ type: 'select', choices: ['a', 'b'] }))).toBe('a');
  });

  it('gives a copy of a default, so editing it leaves the catalogue alone', () => {
    const list = setting({ type: 'list', default: ['a'] });
    (startingValue(list) as string[]).push('b');
    expect(list.default).toEqual(['a']);
  });

  it('makes list items from their fields', () => {
    const fields = [setting({ name: 'name' }), setting({ name: 'ports', type: 'list', default: [] })];
    expect(newItem(fields)).toEqual({ name: '', ports: [] });
  });
});

describe(errorAt.name, () => {
  const error = new ApiError(400, 'validation_failed', 'settings.ntpServers.1: must be a host name');

  it('finds the message of a setting, its parts included unless only its own is asked for', () => {
    expect(errorAt(error, 'settings.ntpServers')).toBe('1: must be a host name');
    expect(errorAt(error, 'settings.ntpServers', true)).toBeUndefined();
    expect(errorAt(error, 'settings.ntpServers.1', true)).toBe('must be a host name');
    expect(errorAt(null, 'settings.url')).toBeUndefined();
  });
});

describe(nixErrorPosition.name, () => {
  it("reads the line and column of the server's Nix parser", () => {
    const message = "Nix syntax error at line 3, column 12: syntax error, unexpected ';'";
    expect(nixErrorPosition(message)).toEqual({ line: 3, column: 12 });
    expect(nixErrorPosition('must be a string')).toBeUndefined();
    expect(nixErrorPosition(undefined)).toBeUndefined();
  });
});

describe(matchesSearch.name, () => {
  const kiosk: ModuleTypeView = {
    type: 'kiosk',
    displayName: 'Kiosk',
    description: 'A full-screen browser showing one page, optionally shared over VNC.',
    settings: [],
  };

  it('finds a module by any words of its name or description', () => {
    expect(matchesSearch(kiosk, '')).toBe(true);
    expect(matchesSearch(kiosk, 'KIOSK')).toBe(true);
    expect(matchesSearch(kiosk, 'browser vnc')).toBe(true);
    expect(matchesSearch(kiosk, 'browser ssh')).toBe(false);
  });
});
