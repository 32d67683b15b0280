# Thymis-TS as a flake: the device-side NixOS modules that the configurations a Thymis controller generates import
# (their flake.nix has this project as the input `thymis` and adds thymis.nixosModules.device to every
# configuration). The modules declare the options thymis.<type>.<setting> that the generated files set; see
# nix/device/default.nix. No inputs: the generated flake brings nixpkgs.
{
  description = "Thymis-TS: device-side NixOS modules for Thymis-managed devices";

  outputs =
    { self }:
    {
      nixosModules.device = import ./nix/device;
      nixosModules.default = self.nixosModules.device;
    };
}
