import type { EntityManager } from 'typeorm';
import {
  evolveConfig,
  evolveTag,
  type TaskEvent,
  type ConfigEvent,
  type ConfigState,
  type TagEvent,
  type TagState,
  streamIdentifier,
  type TokenEvent,
} from '@thymis/domain';
import type { StoredEvent } from '@thymis/event-store';
import { ApiTokenRecord, ConfigRecord, TagRecord } from './read-model.entities';
import { projectTasks } from './task.projection';

export const READ_MODEL_SUBSCRIPTION = 'read-models';

/**
 * Keeps the read-model tables in step with the log. Each record is the domain's own fold of its stream, so the
 * tables can never disagree with what a command decides on.
 */
export async function projectReadModels(events: StoredEvent[], manager: EntityManager): Promise<void> {
  await projectTasks(
    manager,
    events.filter((e): e is StoredEvent & TaskEvent => e.type.startsWith('task.')),
  );
  for (const event of events) {
    switch (event.type.slice(0, event.type.indexOf('.'))) {
      case 'config':
        await projectFold(manager, ConfigRecord, evolveConfig, configState, event as StoredEvent & ConfigEvent);
        break;
      case 'tag':
        await projectFold(manager, TagRecord, evolveTag, tagState, event as StoredEvent & TagEvent);
        break;
      case 'token':
        await projectToken(manager, event as StoredEvent & TokenEvent);
        break;
    }
  }
}

const idOf = (event: StoredEvent) => streamIdentifier(event.streamId);

/** A configuration or tag record is the domain's fold of its stream: evolve it by one event, then store or delete it. */
async function projectFold<S extends { identifier: string }, E extends StoredEvent>(
  manager: EntityManager,
  record: typeof ConfigRecord | typeof TagRecord,
  evolve: (state: S | undefined, event: E) => S | undefined,
  toState: (record: S) => S,
  event: E,
) {
  const identifier = idOf(event);
  const current = (await manager.findOneBy(record, { identifier })) as
    (S & { createdAt: Date; version: number }) | null;
  if (current && current.version >= event.version) return; // applied already: replaying changes nothing
  const next = evolve(current ? toState(current) : undefined, event);
  if (!next) {
    await manager.delete(record, { identifier });
    return;
  }
  const at = new Date(event.metadata.at);
  await manager.save(record, { ...next, version: event.version, createdAt: current?.createdAt ?? at, updatedAt: at });
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
