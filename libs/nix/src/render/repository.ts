import { type ConfigState, type StateDocument, type TagState } from '@thymis/domain';
import { renderConfigDefault } from './config-default';
import { renderFlake, type FlakeInputs } from './flake';
import { CONFIG_PRIORITY, renderModuleFile } from './module-file';
import { byCodePoint } from './nix-value';
import { configDir, moduleFile, renderedModules, tagDir } from './repository-layout';

export interface RepositoryChanges {
  /** Files to create or overwrite, by path. */
  write: Map<string, string>;
  /** Files to delete. */
  remove: string[];
}

export const renderStateJson = (state: StateDocument): string => `${JSON.stringify(state, null, 2)}\n`;

/** Every file of the configuration repository, by path in sorted order: a pure function of the state. */
export function renderRepository(state: StateDocument, inputs: FlakeInputs): Map<string, string> {
  const files = new Map<string, string>([
    ['state.json', renderStateJson(state)],
    ['flake.nix', renderFlake(state, inputs)],
  ]);
  for (const config of state.configs) addAll(files, configFiles(config));
  for (const tag of state.tags) addAll(files, tagFiles(tag));
  return sorted(files);
}

/**
 * The files that differ between two states. Only configurations and tags whose data changed are rendered again, and
 * each one's files depend on nothing else, so one change costs the rendering of its own files plus flake.nix.
 */
export function renderChanged(
  before: StateDocument | undefined,
  after: StateDocument,
  inputs: FlakeInputs,
): RepositoryChanges {
  if (!before) return { write: renderRepository(after, inputs), remove: [] };
  const write = new Map<string, string>();
  const remove: string[] = [];
  const compare = (old: Map<string, string>, next: Map<string, string>) => {
    for (const [path, text] of next) if (old.get(path) !== text) write.set(path, text);
    for (const path of old.keys()) if (!next.has(path)) remove.push(path);
  };
  compare(singleFile('state.json', renderStateJson(before)), singleFile('state.json', renderStateJson(after)));
  compare(singleFile('flake.nix', renderFlake(before, inputs)), singleFile('flake.nix', renderFlake(after, inputs)));
  for (const [old, next] of pairs(before.configs, after.configs)) {
    if (!unchanged(old, next)) compare(configFiles(old), configFiles(next));
  }
  for (const [old, next] of pairs(before.tags, after.tags)) {
    if (!unchanged(old, next)) compare(tagFiles(old), tagFiles(next));
  }
  return { write: sorted(write), remove: remove.sort(byCodePoint) };
}

function configFiles(config: ConfigState | undefined): Map<string, string> {
  const files = new Map<string, string>();
  if (!config) return files;
  const dir = configDir(config.identifier);
  files.set(`${dir}/default.nix`, renderConfigDefault(config));
  for (const m of renderedModules(config.modules)) files.set(moduleFile(dir, m), renderModuleFile(m, CONFIG_PRIORITY));
  return files;
}

function tagFiles(tag: TagState | undefined): Map<string, string> {
  const files = new Map<string, string>();
  if (!tag) return files;
  const dir = tagDir(tag.identifier);
  for (const m of renderedModules(tag.modules)) files.set(moduleFile(dir, m), renderModuleFile(m, tag.priority));
  return files;
}

/** The same identifier before and after; undefined on the side where it does not exist. */
function pairs<T extends { identifier: string }>(before: T[], after: T[]): [T | undefined, T | undefined][] {
  const old = new Map(before.map((item) => [item.identifier, item]));
  const next = new Map(after.map((item) => [item.identifier, item]));
  const identifiers = new Set([...old.keys(), ...next.keys()]);
  return [...identifiers].map((identifier) => [old.get(identifier), next.get(identifier)]);
}

/**
 * A quick test that skips rendering: plain JSON text, because key order is part of the text too. Data that differs
 * only in key order is rendered again and then compared file by file, so it still writes nothing.
 */
const unchanged = (old: unknown, next: unknown): boolean =>
  old === next || JSON.stringify(old) === JSON.stringify(next);

const singleFile = (path: string, text: string) => new Map([[path, text]]);

function addAll(files: Map<string, string>, more: Map<string, string>): void {
  for (const [path, text] of more) files.set(path, text);
}

const sorted = (files: Map<string, string>) => new Map([...files].sort(([a], [b]) => byCodePoint(a, b)));
