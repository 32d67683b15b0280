import type { SettingValue } from '@thymis/domain';

/** What a setting holds; the Nix side declares one matching option type per setting. */
export type SettingType = 'bool' | 'string' | 'int' | 'select' | 'list' | 'textarea' | 'nix';

/** The items of a list: plain strings, or objects whose fields are settings themselves. */
export type ListItems = 'string' | { fields: SettingSpec[] };

export interface SettingSpec {
  /** camelCase; also the Nix option name under thymis.<module type>. */
  name: string;
  type: SettingType;
  displayName: string;
  description: string;
  /**
   * The value the device uses when the user sets none; the Nix option's default is the same. `null` means "not set"
   * (the feature it drives is off). In a list item a field whose default is null has nothing to fall back to, so it
   * must be given.
   */
  default: SettingValue;
  /** select: the allowed values. */
  choices?: string[];
  /** int: inclusive bounds. */
  min?: number;
  max?: number;
  /** list: what the items are. */
  of?: ListItems;
  /**
   * string, and each item of a list of strings: a JavaScript regular expression (source text, anchored with ^ and $,
   * valid with the u and v flags, so also as an HTML pattern attribute) the whole value must match. For what the
   * device side or NixOS would refuse, or could not write into a line-based file.
   */
  pattern?: string;
  /** With pattern: what it asks for, in words; a refusal reads "<field>: must be <patternDescription>". */
  patternDescription?: string;
  /** A field of list items: no two items may have the same value (the device side asserts it). */
  unique?: boolean;
}

export interface ModuleSpec {
  /** An identifier; names the generated file (<type>.nix) and the Nix options (thymis.<type>.*). */
  type: string;
  displayName: string;
  description: string;
  settings: SettingSpec[];
}
