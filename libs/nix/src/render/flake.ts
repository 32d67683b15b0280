import { type StateDocument } from '@thymis/domain';
import { GENERATED_HEADER } from './module-file';
import { byCodePoint, nixAttrName, nixString } from './nix-value';
import { configModulePaths, tagsByIdentifier } from './repository-layout';

/** Flake references of the two inputs, such as github:NixOS/nixpkgs/nixos-25.05. */
export interface FlakeInputs {
  nixpkgs: string;
  thymis: string;
}

/**
 * flake.nix: one NixOS system per configuration from the device modules of the thymis input plus the configuration's
 * module files, and its image as packages.x86_64-linux."image-<config>". It depends only on the configurations,
 * their tags and module lists, so a change of settings leaves it untouched.
 */
export function renderFlake(state: StateDocument, inputs: FlakeInputs): string {
  const tags = tagsByIdentifier(state);
  const configs = [...state.configs].sort((a, b) => byCodePoint(a.identifier, b.identifier));
  const systems = configs.map((config) => {
    const modules = configModulePaths(config, tags).map((path) => `          ./${path}\n`);
    return `        ${nixAttrName(config.identifier)} = system [\n${modules.join('')}        ];\n`;
  });
  const images = configs.map((config) => {
    const name = nixAttrName(config.identifier);
    return `        ${nixString(`image-${config.identifier}`)} = self.nixosConfigurations.${name}.config.system.build.thymisImage;\n`;
  });
  return `${GENERATED_HEADER}{
  inputs = {
    nixpkgs.url = ${nixString(inputs.nixpkgs)};
    thymis.url = ${nixString(inputs.thymis)};
  };

  outputs =
    { self, nixpkgs, thymis }:
    let
      system = modules: nixpkgs.lib.nixosSystem { modules = [ thymis.nixosModules.device ] ++ modules; };
    in
    {
      nixosConfigurations = {
${systems.join('')}      };
      packages.x86_64-linux = {
${images.join('')}      };
    };
}
`;
}
