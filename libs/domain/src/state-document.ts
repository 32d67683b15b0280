import type { ConfigState } from './config';
import type { TagState } from './tag';

export const STATE_VERSION = '0.1.0';

/** The whole controller state in the shape of Thymis' state.json: version, repositories, tags, configs. */
export interface StateDocument {
  version: string;
  repositories: Record<string, { url: string }>;
  tags: TagState[];
  configs: ConfigState[];
}

export const emptyState = (): StateDocument => ({ version: STATE_VERSION, repositories: {}, tags: [], configs: [] });

/** Sorted by identifier with a fixed key order, so that the same state always gives the same document. */
export function stateDocument(configs: ConfigState[], tags: TagState[]): StateDocument {
  const byIdentifier = (a: { identifier: string }, b: { identifier: string }) =>
    a.identifier.localeCompare(b.identifier);
  return {
    version: STATE_VERSION,
    repositories: {},
    tags: [...tags].sort(byIdentifier).map((t) => ({
      displayName: t.displayName,
      identifier: t.identifier,
      priority: t.priority,
      modules: t.modules,
    })),
    configs: [...configs].sort(byIdentifier).map((c) => ({
      displayName: c.displayName,
      identifier: c.identifier,
      hardwareModel: c.hardwareModel,
      imageFormat: c.imageFormat,
      tags: c.tags,
      modules: c.modules,
    })),
  };
}
