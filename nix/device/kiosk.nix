# Kiosk: a full-screen browser (Chromium in the cage Wayland compositor) showing one URL, the screen rotated as
# set, optionally shared over VNC (wayvnc).
{ config, lib, pkgs, ... }:
let
  cfg = config.thymis.kiosk;
  inherit (lib) mkOption types;

  # The password goes into wayvnc's key=value config: a line break would start another setting, so none survive.
  vncPassword = if cfg.vncPassword == null then null else lib.replaceStrings [ "\r" "\n" ] [ "" "" ] cfg.vncPassword;
  # wayvnc authenticates with RSA-AES when it has a key; the kiosk makes one on first start.
  vncKey = "/var/lib/thymis-kiosk/wayvnc-rsa-key.pem";
  vncConfig = pkgs.writeText "thymis-wayvnc.conf" (
    ''
      address=0.0.0.0
      port=${toString cfg.vncPort}
    ''
    + lib.optionalString (vncPassword != null) ''
      enable_auth=true
      username=thymis
      password=${vncPassword}
      rsa_private_key_file=${vncKey}
    ''
  );

  wlrRandr = "${pkgs.wlr-randr}/bin/wlr-randr";
  # xrandr's names (the catalogue's) as Wayland output transforms, which count degrees counter-clockwise.
  transform =
    {
      normal = "normal";
      left = "90";
      inverted = "180";
      right = "270";
    }
    .${cfg.rotation};

  # Runs inside cage: rotate every output, start VNC, then the browser in the foreground.
  kiosk = pkgs.writeShellScript "thymis-kiosk" ''
    set -u
    for output in $(${wlrRandr} --json | ${pkgs.jq}/bin/jq -r '.[].name'); do
      ${wlrRandr} --output "$output" --transform ${transform}
    done
    ${lib.optionalString cfg.enableVnc ''
      ${lib.optionalString (vncPassword != null) ''
        [ -e ${vncKey} ] || ${pkgs.openssl}/bin/openssl genrsa -traditional -out ${vncKey} 2048
      ''}
      ${pkgs.wayvnc}/bin/wayvnc --config ${vncConfig} &
    ''}
    exec ${pkgs.chromium}/bin/chromium --kiosk --noerrdialogs --disable-infobars --no-first-run \
      --ozone-platform=wayland --incognito ${lib.escapeShellArg (if cfg.url == null then "about:blank" else cfg.url)}
  '';
in
{
  options.thymis.kiosk = {
    enable = lib.mkEnableOption "the kiosk: a full-screen browser showing one URL";
    url = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "The URL the kiosk shows; null: a blank page.";
    };
    rotation = mkOption {
      type = types.enum [
        "normal"
        "left"
        "right"
        "inverted"
      ];
      default = "normal";
      description = "Screen rotation, as xrandr names it: left = 90° counter-clockwise, right = 90° clockwise, inverted = 180°.";
    };
    enableVnc = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to share the screen over VNC.";
    };
    vncPassword = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "VNC password (it lands in the Nix store; line breaks are dropped); null: no authentication.";
    };
    vncPort = mkOption {
      type = types.port;
      default = 5900;
      description = "TCP port of the VNC server.";
    };
  };

  config = lib.mkIf cfg.enable {
    users.users.kiosk = {
      isNormalUser = true;
      description = "Thymis kiosk";
    };
    systemd.tmpfiles.rules = [ "d /var/lib/thymis-kiosk 0700 kiosk users -" ];
    services.cage = {
      enable = true;
      user = "kiosk";
      program = kiosk;
      # -d: no client-side window decorations.
      extraArguments = [ "-d" ];
    };
    networking.firewall.allowedTCPPorts = lib.optional cfg.enableVnc cfg.vncPort;
    warnings = lib.optional (
      cfg.vncPassword != null && vncPassword != cfg.vncPassword
    ) "thymis.kiosk.vncPassword: line breaks were dropped from the VNC password.";
  };
}
