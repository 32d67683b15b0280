import { invalid, type Settings, type SettingValue } from '@thymis/domain';
import { findModuleSpec } from '../catalogue/catalogue';
import type { ModuleSpec, SettingSpec } from '../catalogue/module-spec';

/**
 * patch: a request's settings, where null returns a setting to its default.
 * complete: settings as stored, where a setting at its default is simply absent, so null has no meaning.
 */
export type SettingsMode = 'patch' | 'complete';

/** Checks settings against the catalogue; throws a validation error naming the first bad field. */
export function validateModuleSettings(type: string, settings: Settings, mode: SettingsMode): ModuleSpec {
  const spec = findModuleSpec(type);
  if (!spec) throw invalid('type', `'${type}' is not a module type`);
  for (const [name, value] of Object.entries(settings)) {
    const field = `settings.${name}`;
    const setting = spec.settings.find((s) => s.name === name);
    if (!setting) throw invalid(field, `is not a setting of ${type}`);
    if (value === null && mode === 'patch') continue;
    checkValue(setting, value, field);
  }
  return spec;
}

/** The Nix code among the settings, as [setting name, code]: the caller must have each parsed before accepting it. */
export function nixCodeSettings(type: string, settings: Settings): [string, string][] {
  const spec = findModuleSpec(type);
  if (!spec) return [];
  return spec.settings
    .filter((s) => s.type === 'nix' && typeof settings[s.name] === 'string')
    .map((s) => [s.name, settings[s.name] as string]);
}

function checkValue(setting: SettingSpec, value: SettingValue, field: string): void {
  switch (setting.type) {
    case 'bool':
      if (typeof value !== 'boolean') throw invalid(field, 'must be true or false');
      return;
    case 'int':
      return checkInt(setting, value, field);
    case 'select':
      if (typeof value !== 'string' || !(setting.choices ?? []).includes(value)) {
        throw invalid(field, `must be one of ${(setting.choices ?? []).join(', ')}`);
      }
      return;
    case 'string':
    case 'textarea':
    case 'nix':
      if (typeof value !== 'string') throw invalid(field, 'must be a string');
      checkText(value, field);
      return checkPattern(setting, value, field);
    case 'list':
      return checkList(setting, value, field);
  }
}

function checkInt(setting: SettingSpec, value: SettingValue, field: string): void {
  const min = setting.min ?? Number.MIN_SAFE_INTEGER;
  const max = setting.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = setting.min !== undefined && setting.max !== undefined ? ` from ${min} to ${max}` : '';
    throw invalid(field, `must be a whole number${range}`);
  }
}

/**
 * Nix strings are C strings and files are written as UTF-8: a NUL or a lone UTF-16 surrogate could not come back
 * from the device's configuration as the user wrote it.
 */
function checkText(value: string, field: string): void {
  if (value.includes('\0')) throw invalid(field, 'must not contain a NUL character');
  if (/\p{Cs}/u.test(value)) throw invalid(field, 'must be valid Unicode text');
}

function checkList(setting: SettingSpec, value: SettingValue, field: string): void {
  const items = setting.of ?? 'string';
  if (items === 'string') {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw invalid(field, 'must be a list of strings');
    }
    value.forEach((item, index) => {
      checkText(item, `${field}.${index}`);
      checkPattern(setting, item, `${field}.${index}`);
    });
    return;
  }
  if (!Array.isArray(value)) throw invalid(field, 'must be a list');
  const names = items.fields.map((f) => f.name);
  value.forEach((item, index) => {
    const itemField = `${field}.${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw invalid(itemField, `must be an object with ${names.join(', ')}`);
    }
    for (const [name, fieldValue] of Object.entries(item)) {
      const spec = items.fields.find((f) => f.name === name);
      if (!spec) throw invalid(`${itemField}.${name}`, `is not one of ${names.join(', ')}`);
      checkValue(spec, fieldValue, `${itemField}.${name}`);
    }
    // A field without a default has nothing to fall back to (a container needs a name and an image).
    const missing = items.fields.find((f) => f.default === null && !Object.hasOwn(item, f.name));
    if (missing) throw invalid(`${itemField}.${missing.name}`, 'is required');
  });
  for (const unique of items.fields.filter((f) => f.unique)) checkUnique(value as Settings[], unique.name, field);
}

const compiled = new Map<string, RegExp>();

/** The setting's pattern, if it has one, must match the whole text; the refusal says what it asks for. */
function checkPattern(setting: SettingSpec, value: string, field: string): void {
  if (setting.pattern === undefined) return;
  let regex = compiled.get(setting.pattern);
  if (!regex) compiled.set(setting.pattern, (regex = new RegExp(setting.pattern, 'u')));
  if (!regex.test(value)) throw invalid(field, `must be ${setting.patternDescription ?? `like ${setting.pattern}`}`);
}

/** Names the second of two items that share a value of the field, and the first. */
function checkUnique(items: Settings[], name: string, field: string): void {
  const first = new Map<SettingValue, number>();
  items.forEach((item, index) => {
    const value = item[name];
    const earlier = first.get(value);
    if (earlier !== undefined) {
      throw invalid(
        `${field}.${index}.${name}`,
        `must differ from ${field}.${earlier}.${name} (both are ${JSON.stringify(value)})`,
      );
    }
    first.set(value, index);
  });
}
