# Raspberry Pi 5: nixpkgs (25.05) has no Pi 5 kernel of its own; this builds the Raspberry Pi kernel with the
# Pi 5 (BCM2712) configuration, as is common. Booting a Pi 5 from nixpkgs' sd-card image is not proven (it was
# not tried here); projects such as nixos-raspberrypi go further and can be added through Custom Nix.
{ config, lib, pkgs, ... }:
{
  config = lib.mkIf (config.thymis.device.enable && config.thymis.device.hardwareModel == "raspberry-pi-5") {
    boot.loader.grub.enable = lib.mkDefault false;
    boot.loader.generic-extlinux-compatible.enable = lib.mkDefault true;
    boot.kernelPackages = lib.mkDefault (
      pkgs.linuxPackagesFor (
        pkgs.linux_rpi4.override {
          rpiVersion = 5;
          argsOverride.defconfig = "bcm2712_defconfig";
        }
      )
    );
    hardware.enableRedistributableFirmware = lib.mkDefault true;
    fileSystems."/" = lib.mkDefault {
      device = "/dev/disk/by-label/NIXOS_SD";
      fsType = "ext4";
    };
  };
}
