import { alreadyExists, DomainError } from './errors';
import { moduleEvents, type ModuleEvent } from './events';
import {
  checkModuleType,
  findModule,
  patchSettings,
  sameData,
  type ModuleInstance,
  type SettingValue,
} from './modules';

/** Module commands shared by configurations and tags: both carry a list of modules. */
export type ModuleCommand =
  | { kind: 'add-module'; type: string; settings: Record<string, SettingValue> }
  | { kind: 'update-module'; type: string; settings: Record<string, SettingValue> }
  | { kind: 'remove-module'; type: string };

export function decideModule<K extends string>(
  kind: K,
  owner: string,
  modules: readonly ModuleInstance[],
  command: ModuleCommand,
): ModuleEvent<K>[] {
  const events = moduleEvents(kind);
  switch (command.kind) {
    case 'add-module': {
      const type = checkModuleType(command.type);
      if (modules.some((m) => m.type === type)) throw alreadyExists(`module on ${owner}`, type, 'type');
      return [events.added({ type, settings: patchSettings({}, command.settings) })] as ModuleEvent<K>[];
    }
    case 'update-module': {
      const current = findModule(modules, command.type, owner);
      const settings = patchSettings(current.settings, command.settings);
      if (sameData(settings, current.settings)) return [];
      return [events.updated(command.type, settings)] as ModuleEvent<K>[];
    }
    case 'remove-module':
      findModule(modules, command.type, owner);
      return [events.removed(command.type)] as ModuleEvent<K>[];
  }
}

export function evolveModules(modules: ModuleInstance[], event: { type: string; data: unknown }): ModuleInstance[] {
  const action = event.type.slice(event.type.indexOf('.') + 1);
  switch (action) {
    case 'module-added':
      return [...modules, (event.data as { module: ModuleInstance }).module];
    case 'module-updated': {
      const { type, settings } = event.data as { type: string; settings: ModuleInstance['settings'] };
      return modules.map((m) => (m.type === type ? { type, settings } : m));
    }
    case 'module-removed': {
      const { type } = event.data as { type: string };
      return modules.filter((m) => m.type !== type);
    }
    default:
      throw new DomainError('validation_failed', `not a module event: ${event.type}`);
  }
}
