# Device: what every Thymis device has. hosts/<config>/default.nix always sets hardwareModel and imageFormat, and the
# hostname to the configuration's identifier unless the configuration's own Device module sets one; the Device module
# of a configuration or tag sets the other settings.
{ config, lib, ... }:
let
  cfg = config.thymis.device;
  models = import ./hardware/models.nix;
  inherit (lib) mkOption types;
in
{
  options.thymis.device = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = "Whether Thymis manages this machine: on for every configuration the controller generates.";
    };
    hardwareModel = mkOption {
      type = types.enum (builtins.attrNames models);
      default = "generic-x86_64";
      description = "Hardware model: picks the platform and the boot setup (hardware/).";
    };
    imageFormat = mkOption {
      type = types.nullOr (types.enum (lib.unique (lib.concatMap (m: m.imageFormats) (builtins.attrValues models))));
      default = null;
      description = "Image format of system.build.thymisImage; null: the hardware model's first.";
    };
    hostname = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Hostname (hosts/<config>/default.nix sets the configuration's identifier); null: NixOS's.";
    };
    nixosStateVersion = mkOption {
      type = types.str;
      default = "25.05";
      description = "system.stateVersion: the NixOS release whose defaults for stateful data the device keeps.";
    };
    controllerUrl = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "URL of the Thymis controller managing this device, written to /etc/thymis/controller-url.";
    };
  };

  config = lib.mkIf cfg.enable {
    # mkDefault throughout: Custom Nix can still set these NixOS options itself.
    networking.hostName = lib.mkIf (cfg.hostname != null) (lib.mkDefault cfg.hostname);
    system.stateVersion = lib.mkDefault cfg.nixosStateVersion;
    # The controller deploys over SSH.
    services.openssh.enable = lib.mkDefault true;
    environment.etc."thymis/controller-url" = lib.mkIf (cfg.controllerUrl != null) { text = cfg.controllerUrl; };
  };
}
