import type { ConfigCommand } from './config';
import type { ModuleInstance, SettingValue } from './modules';
import { sameData } from './modules';
import type { StateDocument } from './state-document';
import type { TagCommand } from './tag';

/** A command addressed to one stream. */
export type StreamCommand =
  { stream: 'config'; id: string; command: ConfigCommand } | { stream: 'tag'; id: string; command: TagCommand };

/**
 * The commands that turn the current state into the target state — how a revert restores an earlier state without
 * rewriting history. Tags come first (configurations may name them), tags to delete last (nothing names them then).
 */
export function planRestore(current: StateDocument, target: StateDocument): StreamCommand[] {
  const plan: StreamCommand[] = [];
  const tag = (id: string, command: TagCommand) => plan.push({ stream: 'tag', id, command });
  const config = (id: string, command: ConfigCommand) => plan.push({ stream: 'config', id, command });
  const currentTags = byIdentifier(current.tags);
  const currentConfigs = byIdentifier(current.configs);
  const targetTags = byIdentifier(target.tags);

  for (const wanted of target.tags) {
    const now = currentTags.get(wanted.identifier);
    if (!now) tag(wanted.identifier, { kind: 'create', displayName: wanted.displayName, priority: wanted.priority });
    else if (now.displayName !== wanted.displayName || now.priority !== wanted.priority) {
      tag(wanted.identifier, { kind: 'update', displayName: wanted.displayName, priority: wanted.priority });
    }
    planModules(now?.modules ?? [], wanted.modules).forEach((command) => tag(wanted.identifier, command));
  }

  for (const now of current.configs) {
    if (!target.configs.some((c) => c.identifier === now.identifier)) config(now.identifier, { kind: 'delete' });
  }
  for (const wanted of target.configs) {
    const now = currentConfigs.get(wanted.identifier);
    const fields = {
      displayName: wanted.displayName,
      hardwareModel: wanted.hardwareModel,
      imageFormat: wanted.imageFormat,
      tags: wanted.tags,
    };
    if (!now) config(wanted.identifier, { kind: 'create', ...fields });
    else if (!sameData({ ...now, modules: [] }, { ...wanted, modules: [] }))
      config(wanted.identifier, { kind: 'update', ...fields });
    planModules(now?.modules ?? [], wanted.modules).forEach((command) => config(wanted.identifier, command));
  }

  for (const now of current.tags) {
    if (!targetTags.has(now.identifier)) tag(now.identifier, { kind: 'delete' });
  }
  return plan;
}

type ModuleCommandOf = Extract<ConfigCommand, { type: string }>;

function planModules(current: ModuleInstance[], target: ModuleInstance[]): ModuleCommandOf[] {
  const commands: ModuleCommandOf[] = [];
  for (const now of current) {
    if (!target.some((m) => m.type === now.type)) commands.push({ kind: 'remove-module', type: now.type });
  }
  for (const wanted of target) {
    const now = current.find((m) => m.type === wanted.type);
    if (!now) commands.push({ kind: 'add-module', type: wanted.type, settings: wanted.settings });
    else if (!sameData(now.settings, wanted.settings)) {
      const cleared = Object.keys(now.settings).filter((name) => !(name in wanted.settings));
      const patch: Record<string, SettingValue> = { ...wanted.settings };
      for (const name of cleared) patch[name] = null;
      commands.push({ kind: 'update-module', type: wanted.type, settings: patch });
    }
  }
  return commands;
}

const byIdentifier = <T extends { identifier: string }>(items: T[]) => new Map(items.map((i) => [i.identifier, i]));
