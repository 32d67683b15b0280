import { isIdentifier, type ConfigState, type ModuleInstance, type StateDocument, type TagState } from '@thymis/domain';
import { findModuleSpec } from '../catalogue/catalogue';
import { byCodePoint } from './nix-value';

/**
 * Where each file of the repository goes. Paths are built only from identifiers and catalogue module types, both
 * plain [a-z][a-z0-9-]*, so they are safe as file names and as Nix path literals; anything else is a bug upstream.
 */
export const configDir = (config: string) => `hosts/${safe(config)}`;
export const tagDir = (tag: string) => `tags/${safe(tag)}`;
export const moduleFile = (dir: string, module: ModuleInstance) => `${dir}/${module.type}.nix`;

function safe(identifier: string): string {
  if (!isIdentifier(identifier)) throw new Error(`'${identifier}' is not an identifier`);
  return identifier;
}

/**
 * The modules that get a file, sorted by type so that removing and re-adding one leaves the text unchanged. A module
 * whose type is not in the catalogue (written before settings were validated) has no Nix options to set, so it is
 * left out rather than failing every configuration's build.
 */
export const renderedModules = (modules: readonly ModuleInstance[]): ModuleInstance[] =>
  modules.filter((m) => findModuleSpec(m.type)).sort((a, b) => byCodePoint(a.type, b.type));

/** A configuration's module files in import order: its own, then those of its tags in the configuration's tag order. */
export function configModulePaths(config: ConfigState, tags: ReadonlyMap<string, TagState>): string[] {
  const own = configDir(config.identifier);
  const paths = [`${own}/default.nix`, ...renderedModules(config.modules).map((m) => moduleFile(own, m))];
  for (const identifier of config.tags) {
    const tag = tags.get(identifier);
    // A tag deleted while configurations still carry it contributes nothing.
    if (tag) paths.push(...renderedModules(tag.modules).map((m) => moduleFile(tagDir(tag.identifier), m)));
  }
  return paths;
}

export const tagsByIdentifier = (state: StateDocument): Map<string, TagState> =>
  new Map(state.tags.map((t) => [t.identifier, t]));
