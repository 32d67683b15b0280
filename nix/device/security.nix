# Security & Access: SSH keys allowed to log in as root, and root's password hash.
{ config, lib, ... }:
let
  cfg = config.thymis.security;
  inherit (lib) mkOption types;
in
{
  options.thymis.security = {
    enable = lib.mkEnableOption "Thymis security and access settings";
    authorizedKeys = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "SSH public keys that may log in as root.";
    };
    rootPasswordHash = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Root's password hash (as from mkpasswd); null: root keeps NixOS's (no password).";
    };
  };

  config = lib.mkIf cfg.enable {
    services.openssh.enable = lib.mkDefault true;
    services.openssh.settings.PermitRootLogin = lib.mkDefault "prohibit-password";
    users.users.root.openssh.authorizedKeys.keys = cfg.authorizedKeys;
    users.users.root.hashedPassword = lib.mkIf (cfg.rootPasswordHash != null) cfg.rootPasswordHash;
  };
}
