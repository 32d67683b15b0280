# Localization & Time: time zone and NTP servers.
{ config, lib, ... }:
let
  cfg = config.thymis.localization;
  inherit (lib) mkOption types;
in
{
  options.thymis.localization = {
    enable = lib.mkEnableOption "Thymis localization and time settings";
    timeZone = mkOption {
      type = types.str;
      default = "UTC";
      example = "Europe/Berlin";
      description = "Time zone (an IANA name such as Europe/Berlin).";
    };
    ntpServers = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "NTP servers; empty: NixOS's (the nixos.pool.ntp.org pool).";
    };
  };

  config = lib.mkIf cfg.enable {
    time.timeZone = lib.mkDefault cfg.timeZone;
    networking.timeServers = lib.mkIf (cfg.ntpServers != [ ]) cfg.ntpServers;
  };
}
