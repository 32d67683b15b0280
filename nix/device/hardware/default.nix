# Hardware models: thymis.device.hardwareModel picks one. Its platform (models.nix) becomes nixpkgs.hostPlatform,
# which picks the packages NixOS builds; its file sets what that hardware needs to boot.
{ config, lib, ... }:
let
  cfg = config.thymis.device;
  models = import ./models.nix;
in
{
  imports = [
    ./generic-x86_64.nix
    ./generic-aarch64.nix
    ./raspberry-pi-3.nix
    ./raspberry-pi-4.nix
    ./raspberry-pi-5.nix
  ];

  config = lib.mkIf cfg.enable {
    nixpkgs.hostPlatform = lib.mkDefault models.${cfg.hardwareModel}.system;
  };
}
