# OCI containers: run container images (with podman unless Custom Nix picks another backend).
{ config, lib, ... }:
let
  cfg = config.thymis.oci-containers;
  inherit (lib) mkOption types;

  container = types.submodule {
    options = {
      name = mkOption {
        type = types.str;
        description = "Container name (also the systemd unit's: podman-<name>.service).";
      };
      image = mkOption {
        type = types.str;
        example = "docker.io/library/nginx:1.27";
        description = "Image to run.";
      };
      ports = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "8080:80" ];
        description = "Published ports, as docker's -p.";
      };
      environment = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "TZ=Europe/Berlin" ];
        description = "Environment variables as KEY=value (the value is everything after the first =).";
      };
      volumes = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "/var/lib/app:/data" ];
        description = "Volumes, as docker's -v.";
      };
    };
  };

  # "KEY=value" → { name = "KEY"; value = "value"; }; without "=", the value is empty.
  variable =
    entry:
    let
      parts = builtins.filter builtins.isString (builtins.split "=" entry);
    in
    lib.nameValuePair (builtins.head parts) (lib.concatStringsSep "=" (builtins.tail parts));

  names = map (c: c.name) cfg.containers;
in
{
  options.thymis.oci-containers = {
    enable = lib.mkEnableOption "OCI containers";
    containers = mkOption {
      type = types.listOf container;
      default = [ ];
      description = "Containers to run.";
    };
  };

  config = lib.mkIf cfg.enable {
    virtualisation.oci-containers.backend = lib.mkDefault "podman";
    virtualisation.oci-containers.containers = builtins.listToAttrs (
      map (
        c:
        lib.nameValuePair c.name {
          inherit (c) image ports volumes;
          environment = builtins.listToAttrs (map variable c.environment);
        }
      ) cfg.containers
    );
    assertions = [
      {
        assertion = lib.unique names == names;
        message = "thymis.oci-containers.containers: container names must differ (${lib.concatStringsSep ", " names}).";
      }
    ];
  };
}
