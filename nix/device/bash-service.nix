# Bash service: a script run as a systemd service with packages on its PATH, once at boot or, with a timer, on
# that schedule.
{ config, lib, pkgs, ... }:
let
  cfg = config.thymis.bash-service;
  inherit (lib) mkOption types;

  # A package attribute path such as "curl" or "python3Packages.requests".
  package =
    name:
    lib.attrByPath (lib.splitString "." name) (throw "thymis.bash-service.packages: nixpkgs has no package ${builtins.toJSON name}.") pkgs;

  # OnCalendar= is one line of the timer unit: a line break would start another setting, so none survive.
  timer =
    if cfg.timer == null || cfg.timer == "" then null else lib.replaceStrings [ "\r" "\n" ] [ " " " " ] cfg.timer;
in
{
  options.thymis.bash-service = {
    enable = lib.mkEnableOption "the Thymis bash service";
    script = mkOption {
      type = types.lines;
      default = "";
      description = "Bash script the service runs.";
    };
    packages = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [
        "curl"
        "jq"
      ];
      description = "Packages (nixpkgs attribute paths) whose programs the script uses.";
    };
    timer = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "hourly";
      description = "systemd calendar expression (OnCalendar=) to run the script on; null: once at boot.";
    };
  };

  config = lib.mkIf cfg.enable {
    systemd.services.thymis-bash-service = {
      description = "Thymis bash service";
      path = map package cfg.packages;
      inherit (cfg) script;
      wants = [ "network-online.target" ];
      after = [ "network-online.target" ];
      wantedBy = lib.optional (timer == null) "multi-user.target";
      serviceConfig.Type = "oneshot";
    };
    systemd.timers.thymis-bash-service = lib.mkIf (timer != null) {
      wantedBy = [ "timers.target" ];
      timerConfig = {
        OnCalendar = timer;
        Persistent = true;
      };
    };
    warnings = lib.optional (
      timer != null && timer != cfg.timer
    ) "thymis.bash-service.timer: line breaks in the timer were replaced by spaces.";
  };
}
