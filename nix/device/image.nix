# Image formats: thymis.device.imageFormat (by default the hardware model's first) picks one, and
# system.build.thymisImage is the image of this configuration in that format.
#
# On NixOS (25.05 or later: nixos/modules/image/images.nix) it is one of NixOS's own image variants,
# config.system.build.images.<variant>, adjusted through image.modules.<variant>.
# The stand-in nixpkgs of this project's tests (it sets pkgs.thymisStandIn) has no image builders: there the
# image is a small file built with runCommand, named as the real one, that records what the real image would
# hold (the format, the hardware model and the system's store path). It does not boot; it lets tests build an
# image offline.
{
  config,
  lib,
  options,
  pkgs,
  ...
}:
let
  cfg = config.thymis.device;
  models = import ./hardware/models.nix;
  model = models.${cfg.hardwareModel};
  format = if cfg.imageFormat != null then cfg.imageFormat else builtins.head model.imageFormats;

  formats = {
    raw-efi = {
      variant = "raw-efi";
      fileName = "thymis-image.img";
    };
    qcow = {
      variant = "qemu-efi";
      fileName = "thymis-image.qcow2";
    };
    iso = {
      variant = "iso";
      fileName = "thymis-image.iso";
    };
    sd-card-image = {
      variant = "sd-card";
      fileName = "thymis-image.img";
      # An .img to write to the card as it is, not an .img.zst.
      module.sdImage.compressImage = false;
    };
  };
  chosen = formats.${format};

  hasImageBuilders = options ? image && options.image ? modules;

  standInImage =
    pkgs.runCommand "thymis-image-${config.networking.hostName}-${format}"
      {
        inherit format;
        inherit (chosen) fileName;
        inherit (cfg) hardwareModel;
        toplevel = config.system.build.toplevel;
      }
      ''
        mkdir -p "$out/nix-support"
        printf 'Thymis stand-in image (not bootable)\nformat: %s\nhardware model: %s\nsystem: %s\n' \
          "$format" "$hardwareModel" "$toplevel" > header
        dd if=/dev/zero of=image bs=1024 count=64 2>/dev/null
        dd if=header of=image conv=notrunc 2>/dev/null
        mv image "$out/$fileName"
        echo "file $format $out/$fileName" > "$out/nix-support/hydra-build-products"
      '';
in
{
  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = builtins.elem format model.imageFormats;
        message = "thymis.device.imageFormat: ${cfg.hardwareModel} boots from ${lib.concatStringsSep ", " model.imageFormats}, not ${format}.";
      }
    ];
    image.modules = lib.mkIf hasImageBuilders { ${chosen.variant} = chosen.module or { }; };
    system.build.thymisImage =
      if hasImageBuilders then
        config.system.build.images.${chosen.variant}
      else if pkgs.thymisStandIn or false then
        standInImage
      else
        throw "system.build.thymisImage needs NixOS 25.05 or later (system.build.images).";
  };
}
