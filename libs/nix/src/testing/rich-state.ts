import type { ModuleInstance, StateDocument } from '@thymis/domain';
import { MODULE_CATALOGUE } from '../catalogue/catalogue';
import { filledSettings } from './filled-settings';
import { HOSTILE_STRINGS } from './hostile-strings';

/** Valid Nix that uses what a naive renderer would choke on: indented strings, their escapes and interpolation. */
export const CUSTOM_NIX = `{ lib, ... }:
{
  # a comment with "quotes" and \${not code}
  environment.etc."thymis-note".text = ''
    it'''s ''\${literal} and \${lib.toUpper "interpolated"} \\ "quoted"
  '';
}
`;

/**
 * Every module on every owner, with a different hostile string in each module's text settings, so that across the
 * owners every hostile string lands in modules of several types. "in" is a Nix keyword and a valid identifier.
 * Settings with a pattern get the hostile string only as far as the catalogue accepts it (filledSettings' `legal`),
 * so the state is one the controller could hold, and its flake evaluates; free text keeps it whole.
 */
export function richState(): StateDocument {
  let next = 0;
  const modules = (): ModuleInstance[] =>
    MODULE_CATALOGUE.map((spec) => ({
      type: spec.type,
      settings:
        spec.type === 'custom-nix'
          ? { code: CUSTOM_NIX }
          : filledSettings(spec, HOSTILE_STRINGS[next++ % HOSTILE_STRINGS.length], { legal: true }),
    }));
  return {
    version: '0.1.0',
    repositories: {},
    tags: [
      { displayName: 'All "devices"', identifier: 'all', priority: 100, modules: modules() },
      { displayName: 'Screens ${x}', identifier: 'screens', priority: 20, modules: modules() },
    ],
    configs: [
      {
        displayName: 'In',
        identifier: 'in',
        hardwareModel: 'generic-aarch64',
        imageFormat: 'qcow',
        tags: [],
        modules: modules(),
      },
      {
        displayName: 'Lobby',
        identifier: 'lobby',
        hardwareModel: 'raspberry-pi-4',
        imageFormat: 'sd-card-image',
        tags: ['screens', 'all'],
        modules: modules(),
      },
      {
        displayName: 'Office',
        identifier: 'office',
        hardwareModel: 'generic-x86_64',
        imageFormat: 'raw-efi',
        tags: ['all'],
        modules: modules(),
      },
    ],
  };
}
