import type { HardwareModel, ImageFormat } from './hardware';
import type { ModuleInstance, Settings } from './modules';

/** An event as the domain decides it; the store adds position, stream version and metadata. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  schemaVersion: number;
  data: D;
}

const event =
  <T extends string>(type: T) =>
  <D>(data: D): DomainEvent<T, D> => ({ type, schemaVersion: 1, data });

export type ModuleEvent<K extends string> =
  | DomainEvent<`${K}.module-added`, { module: ModuleInstance }>
  | DomainEvent<`${K}.module-updated`, { type: string; settings: Settings }>
  | DomainEvent<`${K}.module-removed`, { type: string }>;

export interface ConfigFields {
  displayName: string;
  hardwareModel: HardwareModel;
  imageFormat: ImageFormat;
  tags: string[];
}

export type ConfigEvent =
  | DomainEvent<'config.created', ConfigFields & { identifier: string }>
  | DomainEvent<'config.updated', Partial<ConfigFields>>
  | DomainEvent<'config.deleted', Record<string, never>>
  | ModuleEvent<'config'>;

export interface TagFields {
  displayName: string;
  priority: number;
}

export type TagEvent =
  | DomainEvent<'tag.created', TagFields & { identifier: string }>
  | DomainEvent<'tag.updated', Partial<TagFields>>
  | DomainEvent<'tag.deleted', Record<string, never>>
  | ModuleEvent<'tag'>;

export type TokenEvent =
  | DomainEvent<'token.created', { id: string; name: string; hash: string; createdBy: string }>
  | DomainEvent<'token.revoked', Record<string, never>>;

export const configEvents = {
  created: event('config.created')<ConfigFields & { identifier: string }>,
  updated: event('config.updated')<Partial<ConfigFields>>,
  deleted: () => event('config.deleted')<Record<string, never>>({}),
};

export const tagEvents = {
  created: event('tag.created')<TagFields & { identifier: string }>,
  updated: event('tag.updated')<Partial<TagFields>>,
  deleted: () => event('tag.deleted')<Record<string, never>>({}),
};

export const tokenEvents = {
  created: event('token.created')<{ id: string; name: string; hash: string; createdBy: string }>,
  revoked: () => event('token.revoked')<Record<string, never>>({}),
};

export const moduleEvents = <K extends string>(kind: K) => ({
  added: (module: ModuleInstance) => event(`${kind}.module-added` as const)({ module }),
  updated: (type: string, settings: Settings) => event(`${kind}.module-updated` as const)({ type, settings }),
  removed: (type: string) => event(`${kind}.module-removed` as const)({ type }),
});

/** The identifier a stream id carries: "config-kiosk" → "kiosk". */
export const streamIdentifier = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/** Stream ids: one stream per configuration, tag, token and task. Identifiers are unique because streams are. */
export const streams = {
  config: (identifier: string) => `config-${identifier}`,
  tag: (identifier: string) => `tag-${identifier}`,
  token: (id: string) => `token-${id}`,
  task: (id: string) => `task-${id}`,
};
