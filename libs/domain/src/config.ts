import { alreadyExists, invalid, notFound } from './errors';
import { configEvents, type ConfigEvent, type ConfigFields } from './events';
import { bootsFrom, checkHardwareModel, chooseImageFormat } from './hardware';
import { checkDisplayName, isIdentifier } from './identifier';
import { decideModule, evolveModules, type ModuleCommand } from './module-host';
import { sameData, type ModuleInstance } from './modules';

/** A configuration: what one kind of device runs. Undefined state = never created, or deleted. */
export interface ConfigState extends ConfigFields {
  identifier: string;
  modules: ModuleInstance[];
}

export type ConfigCommand =
  | { kind: 'create'; displayName: string; hardwareModel: string; imageFormat?: string; tags?: string[] }
  | { kind: 'update'; displayName?: string; hardwareModel?: string; imageFormat?: string; tags?: string[] }
  | { kind: 'delete' }
  | { kind: 'untag'; tag: string }
  | ModuleCommand;

export function evolveConfig(state: ConfigState | undefined, event: ConfigEvent): ConfigState | undefined {
  switch (event.type) {
    case 'config.created':
      return { ...event.data, modules: [] };
    case 'config.updated':
      return state && { ...state, ...event.data };
    case 'config.deleted':
      return undefined;
    default:
      return state && { ...state, modules: evolveModules(state.modules, event) };
  }
}

export function decideConfig(
  identifier: string,
  state: ConfigState | undefined,
  command: ConfigCommand,
): ConfigEvent[] {
  if (command.kind === 'create') {
    if (state) throw alreadyExists('configuration', identifier);
    const hardwareModel = checkHardwareModel(command.hardwareModel);
    return [
      configEvents.created({
        identifier,
        displayName: checkDisplayName(command.displayName),
        hardwareModel,
        imageFormat: chooseImageFormat(hardwareModel, command.imageFormat),
        tags: checkTags(command.tags ?? []),
      }),
    ];
  }
  if (!state) throw notFound('configuration', identifier);
  switch (command.kind) {
    case 'update': {
      const changes = updateChanges(state, command);
      return Object.keys(changes).length > 0 ? [configEvents.updated(changes)] : [];
    }
    case 'delete':
      return [configEvents.deleted()];
    case 'untag':
      return state.tags.includes(command.tag)
        ? [configEvents.updated({ tags: state.tags.filter((t) => t !== command.tag) })]
        : [];
    default:
      return decideModule('config', `configuration '${identifier}'`, state.modules, command);
  }
}

/** Only the fields that really change; a new model resets a format it cannot boot to the model's default. */
function updateChanges(state: ConfigState, command: Extract<ConfigCommand, { kind: 'update' }>): Partial<ConfigFields> {
  const changes: Partial<ConfigFields> = {};
  if (command.displayName !== undefined) {
    const displayName = checkDisplayName(command.displayName);
    if (displayName !== state.displayName) changes.displayName = displayName;
  }
  const hardwareModel =
    command.hardwareModel === undefined ? state.hardwareModel : checkHardwareModel(command.hardwareModel);
  if (hardwareModel !== state.hardwareModel) changes.hardwareModel = hardwareModel;
  const imageFormat =
    command.imageFormat === undefined && bootsFrom(hardwareModel, state.imageFormat)
      ? state.imageFormat
      : chooseImageFormat(hardwareModel, command.imageFormat);
  if (imageFormat !== state.imageFormat) changes.imageFormat = imageFormat;
  if (command.tags !== undefined) {
    const tags = checkTags(command.tags);
    if (!sameData(tags, state.tags)) changes.tags = tags;
  }
  return changes;
}

function checkTags(tags: string[]): string[] {
  for (const tag of tags) {
    if (!isIdentifier(tag)) throw invalid('tags', `'${tag}' is not a tag identifier`);
  }
  if (new Set(tags).size !== tags.length) throw invalid('tags', 'must not repeat a tag');
  return [...tags];
}
