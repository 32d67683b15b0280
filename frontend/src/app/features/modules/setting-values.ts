import type { ModuleTypeView, SettingValue, SettingView } from '@thymis/contracts';
import type { ApiError } from '../../core/http/api-error';

/** Settings hold only what the user set: a missing key means the device uses the default. */
export const isSet = (settings: Record<string, SettingValue>, name: string): boolean =>
  Object.prototype.hasOwnProperty.call(settings, name);

/** Equality of JSON values; settings come from JSON, so nothing else needs comparing. */
export function sameValue(a: SettingValue | undefined, b: SettingValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
}

/** A value as the settings pane shows it when it is not set: the default, in words where it is empty. */
export function describeValue(value: SettingValue, setting: SettingView): string {
  if (value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (typeof setting.of === 'object') return `${value.length} entries`;
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  }
  if (typeof value === 'string' && value === '') return 'empty';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What an input starts from when the user sets a setting: its default, or an empty value of its type. */
export function startingValue(setting: SettingView): SettingValue {
  if (setting.default !== null) return structuredClone(setting.default);
  switch (setting.type) {
    case 'bool':
      return false;
    case 'int':
      return setting.min ?? 0;
    case 'select':
      return setting.choices?.[0] ?? '';
    case 'list':
      return [];
    case 'string':
    case 'textarea':
    case 'nix':
      return '';
  }
}

/** A new item of a list of objects: each field at its starting value. */
export function newItem(fields: SettingView[]): Record<string, SettingValue> {
  return Object.fromEntries(fields.map((field) => [field.name, startingValue(field)]));
}

/**
 * What to show beside the input at `path` (`settings.url`, `settings.containers.1.image`). `own`: only messages
 * naming exactly this path, for inputs whose parts show their own (a list's items).
 */
export function errorAt(error: ApiError | null, path: string, own = false): string | undefined {
  if (!error) return undefined;
  return own ? error.fields[path] : error.forField(path);
}

const NIX_POSITION = /at line (\d+), column (\d+)/;

/** Where the server's Nix parser stopped: "Nix syntax error at line 3, column 5: …". */
export function nixErrorPosition(message: string | undefined): { line: number; column: number } | undefined {
  const match = message ? NIX_POSITION.exec(message) : null;
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** The add-module dialog's search: every word must appear in the name, description or type. */
export function matchesSearch(module: ModuleTypeView, query: string): boolean {
  const text = `${module.displayName} ${module.description} ${module.type}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => text.includes(word));
}
