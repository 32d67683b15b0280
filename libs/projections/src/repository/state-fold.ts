import {
  evolveConfig,
  evolveTag,
  stateDocument,
  type ConfigEvent,
  type ConfigState,
  type StateDocument,
  type TagEvent,
  type TagState,
  streamIdentifier,
} from '@thymis/domain';
import type { StoredEvent } from '@thymis/event-store';

/** The whole state (configurations and tags) folded event by event; other events pass by. */
export class StateFold {
  private readonly configs: Map<string, ConfigState>;
  private readonly tags: Map<string, TagState>;

  constructor(start?: StateDocument) {
    this.configs = new Map(start?.configs.map((c) => [c.identifier, c]));
    this.tags = new Map(start?.tags.map((t) => [t.identifier, t]));
  }

  apply(event: StoredEvent): void {
    const id = streamIdentifier(event.streamId);
    if (event.type.startsWith('config.')) {
      put(this.configs, id, evolveConfig(this.configs.get(id), event as StoredEvent & ConfigEvent));
    } else if (event.type.startsWith('tag.')) {
      put(this.tags, id, evolveTag(this.tags.get(id), event as StoredEvent & TagEvent));
    }
  }

  document(): StateDocument {
    return stateDocument([...this.configs.values()], [...this.tags.values()]);
  }
}

function put<S>(states: Map<string, S>, id: string, next: S | undefined): void {
  if (next) states.set(id, next);
  else states.delete(id);
}
