import { DomainError, invalid } from './errors';
import { IDENTIFIER_PATTERN } from './identifier';

export type SettingValue = string | number | boolean | null | SettingValue[] | { [key: string]: SettingValue };
export type Settings = Record<string, SettingValue>;

/** A module on a configuration or tag: its type names a catalogue entry, settings hold only what the user set. */
export interface ModuleInstance {
  type: string;
  settings: Settings;
}

export function checkModuleType(type: string): string {
  if (!IDENTIFIER_PATTERN.test(type)) throw invalid('type', 'must be lowercase letters, digits and inner hyphens');
  return type;
}

export function findModule(modules: readonly ModuleInstance[], type: string, owner: string): ModuleInstance {
  const found = modules.find((m) => m.type === type);
  if (!found) throw new DomainError('not_found', `${owner} has no module '${type}'`);
  return found;
}

const SETTING_NAME = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

/** Applies a settings patch: a value sets, null returns the setting to its default. */
export function patchSettings(settings: Settings, patch: Record<string, SettingValue>): Settings {
  const next = new Map(Object.entries(settings));
  for (const [name, value] of Object.entries(patch)) {
    // Also keeps names like __proto__ out, which a plain object would swallow instead of storing.
    if (!SETTING_NAME.test(name)) throw invalid(`settings.${name}`, 'is not a setting name');
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return Object.fromEntries(next);
}

/** JSON with object keys sorted, so that equal data gives equal text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** Equal as JSON data: key order and where the objects came from do not count. */
export const sameData = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
