import { alreadyExists, invalid, notFound } from './errors';
import { tagEvents, type TagEvent, type TagFields } from './events';
import { checkDisplayName } from './identifier';
import { decideModule, evolveModules, type ModuleCommand } from './module-host';
import type { ModuleInstance } from './modules';

export const DEFAULT_TAG_PRIORITY = 90;

/** A tag groups configurations and carries modules they share; a lower priority wins over a higher one. */
export interface TagState extends TagFields {
  identifier: string;
  modules: ModuleInstance[];
}

export type TagCommand =
  | { kind: 'create'; displayName: string; priority?: number }
  | { kind: 'update'; displayName?: string; priority?: number }
  | { kind: 'delete' }
  | ModuleCommand;

export function evolveTag(state: TagState | undefined, event: TagEvent): TagState | undefined {
  switch (event.type) {
    case 'tag.created':
      return { ...event.data, modules: [] };
    case 'tag.updated':
      return state && { ...state, ...event.data };
    case 'tag.deleted':
      return undefined;
    default:
      return state && { ...state, modules: evolveModules(state.modules, event) };
  }
}

export function decideTag(identifier: string, state: TagState | undefined, command: TagCommand): TagEvent[] {
  if (command.kind === 'create') {
    if (state) throw alreadyExists('tag', identifier);
    return [
      tagEvents.created({
        identifier,
        displayName: checkDisplayName(command.displayName),
        priority: checkPriority(command.priority ?? DEFAULT_TAG_PRIORITY),
      }),
    ];
  }
  if (!state) throw notFound('tag', identifier);
  switch (command.kind) {
    case 'update': {
      const changes: Partial<TagFields> = {};
      if (command.displayName !== undefined && checkDisplayName(command.displayName) !== state.displayName) {
        changes.displayName = checkDisplayName(command.displayName);
      }
      if (command.priority !== undefined && checkPriority(command.priority) !== state.priority) {
        changes.priority = command.priority;
      }
      return Object.keys(changes).length > 0 ? [tagEvents.updated(changes)] : [];
    }
    case 'delete':
      return [tagEvents.deleted()];
    default:
      return decideModule('tag', `tag '${identifier}'`, state.modules, command);
  }
}

function checkPriority(priority: number): number {
  if (!Number.isInteger(priority) || priority < 0 || priority > 1000) {
    throw invalid('priority', 'must be a whole number from 0 to 1000');
  }
  return priority;
}
