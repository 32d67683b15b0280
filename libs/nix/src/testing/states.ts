import type { ConfigState, ModuleInstance, StateDocument, TagState } from '@thymis/domain';

/** Small builders for specs: a configuration, a tag and a state document in the shape stateDocument() gives. */
export const config = (identifier: string, tags: string[], modules: ModuleInstance[]): ConfigState => ({
  displayName: identifier,
  identifier,
  hardwareModel: 'raspberry-pi-4',
  imageFormat: 'sd-card-image',
  tags,
  modules,
});

export const tag = (identifier: string, priority: number, modules: ModuleInstance[]): TagState => ({
  displayName: identifier,
  identifier,
  priority,
  modules,
});

export const state = (configs: ConfigState[], tags: TagState[] = []): StateDocument => ({
  version: '0.1.0',
  repositories: {},
  tags,
  configs,
});

export const INPUTS = { nixpkgs: 'github:NixOS/nixpkgs/nixos-25.05', thymis: 'github:thymis-io/thymis-ts' };
