# Networking: Wi-Fi (wpa_supplicant), static IPv4 addresses on the wired interfaces (systemd-networkd), the default
# gateway and nameservers. Without static addresses the interfaces keep NixOS's DHCP.
{ config, lib, ... }:
let
  cfg = config.thymis.networking;
  inherit (lib) mkOption types;
  static = cfg.staticIpv4Addresses != [ ];
in
{
  options.thymis.networking = {
    enable = lib.mkEnableOption "Thymis networking settings";
    wifiSsid = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "SSID of the Wi-Fi network to join; null: no Wi-Fi.";
    };
    wifiPassword = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "WPA passphrase of that network (it lands in the Nix store); null: an open network.";
    };
    staticIpv4Addresses = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "192.168.1.20/24" ];
      description = "Static IPv4 addresses with prefix length, for the wired interfaces; empty: DHCP.";
    };
    defaultGateway = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "IPv4 default gateway; null: none (or DHCP's).";
    };
    nameservers = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "DNS servers; empty: DHCP's.";
    };
  };

  config = lib.mkIf cfg.enable {
    networking.wireless = lib.mkIf (cfg.wifiSsid != null) {
      enable = true;
      networks = lib.optionalAttrs (cfg.wifiSsid != null) {
        ${cfg.wifiSsid} = lib.optionalAttrs (cfg.wifiPassword != null) { psk = cfg.wifiPassword; };
      };
    };
    networking.useNetworkd = lib.mkIf static (lib.mkDefault true);
    systemd.network.networks."40-thymis-static" = lib.mkIf static {
      matchConfig.Name = "en* eth*";
      address = cfg.staticIpv4Addresses;
      gateway = lib.optional (cfg.defaultGateway != null) cfg.defaultGateway;
      dns = cfg.nameservers;
    };
    networking.defaultGateway = lib.mkIf (!static && cfg.defaultGateway != null) cfg.defaultGateway;
    networking.nameservers = cfg.nameservers;
  };
}
