# Raspberry Pi 3 (64-bit): U-Boot and extlinux as NixOS's sd-card image sets them up, root on "NIXOS_SD".
{ config, lib, pkgs, ... }:
{
  config = lib.mkIf (config.thymis.device.enable && config.thymis.device.hardwareModel == "raspberry-pi-3") {
    boot.loader.grub.enable = lib.mkDefault false;
    boot.loader.generic-extlinux-compatible.enable = lib.mkDefault true;
    boot.kernelPackages = lib.mkDefault pkgs.linuxPackages_rpi3;
    hardware.enableRedistributableFirmware = lib.mkDefault true;
    fileSystems."/" = lib.mkDefault {
      device = "/dev/disk/by-label/NIXOS_SD";
      fsType = "ext4";
    };
  };
}
