import type { ModuleSpec } from './module-spec';

export const customNixModule: ModuleSpec = {
  type: 'custom-nix',
  displayName: 'Custom Nix',
  description: 'Free NixOS module code, imported as written.',
  settings: [
    {
      name: 'code',
      type: 'nix',
      displayName: 'Nix code',
      description: 'A whole NixOS module, such as { pkgs, ... }: { environment.systemPackages = [ pkgs.htop ]; }.',
      default: '{ ... }:\n{\n}\n',
    },
  ],
};
