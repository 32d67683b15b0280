import type { EntityManager } from 'typeorm';
import {
  evolveConfig,
  evolveTag,
  type ConfigEvent,
  type ConfigState,
  type TagEvent,
  type TagState,
  type TokenEvent,
} from '@thymis/domain';
import type { StoredEvent } from '@thymis/event-store';
import { ApiTokenRecord, ConfigRecord, TagRecord } from './read-model.entities';

export const READ_MODEL_SUBSCRIPTION = 'read-models';

/**
 * Keeps the read-model tables in step with the log. Each record is the domain's own fold of its stream, so the
 * tables can never disagree with what a command decides on.
 */
export async function projectReadModels(events: StoredEvent[], manager: EntityManager): Promise<void> {
  for (const event of events) {
    const kind = event.type.slice(0, event.type.indexOf('.'));
    if (kind === 'config') await projectConfig(manager, event as StoredEvent & ConfigEvent);
    else if (kind === 'tag') await projectTag(manager, event as StoredEvent & TagEvent);
    else if (kind === 'token') await projectToken(manager, event as StoredEvent & TokenEvent);
  }
}

const idOf = (event: StoredEvent) => event.streamId.slice(event.streamId.indexOf('-') + 1);

async function projectConfig(manager: EntityManager, event: StoredEvent & ConfigEvent) {
  const identifier = idOf(event);
  const record = await manager.findOneBy(ConfigRecord, { identifier });
  const next = evolveConfig(record ? configState(record) : undefined, event);
  if (!next) {
    await manager.delete(ConfigRecord, { identifier });
    return;
  }
  const at = new Date(event.metadata.at);
  await manager.save(ConfigRecord, {
    ...next,
    version: event.version,
    createdAt: record?.createdAt ?? at,
    updatedAt: at,
  });
}

async function projectTag(manager: EntityManager, event: StoredEvent & TagEvent) {
  const identifier = idOf(event);
  const record = await manager.findOneBy(TagRecord, { identifier });
  const next = evolveTag(record ? tagState(record) : undefined, event);
  if (!next) {
    await manager.delete(TagRecord, { identifier });
    return;
  }
  const at = new Date(event.metadata.at);
  await manager.save(TagRecord, { ...next, version: event.version, createdAt: record?.createdAt ?? at, updatedAt: at });
}

async function projectToken(manager: EntityManager, event: StoredEvent & TokenEvent) {
  const at = new Date(event.metadata.at);
  if (event.type === 'token.created') {
    const { id, name, hash, createdBy } = event.data;
    await manager.save(ApiTokenRecord, { id, name, hash, createdBy, createdAt: at, revokedAt: null });
  } else {
    await manager.update(ApiTokenRecord, { id: idOf(event) }, { revokedAt: at });
  }
}

/** Just the state fields: a record also carries bookkeeping (version, times). */
export const configState = (r: ConfigState): ConfigState => ({
  identifier: r.identifier,
  displayName: r.displayName,
  hardwareModel: r.hardwareModel,
  imageFormat: r.imageFormat,
  tags: r.tags,
  modules: r.modules,
});

export const tagState = (r: TagState): TagState => ({
  identifier: r.identifier,
  displayName: r.displayName,
  priority: r.priority,
  modules: r.modules,
});
