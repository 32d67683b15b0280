# Raspberry Pi 4: U-Boot and extlinux as NixOS's sd-card image sets them up, the Raspberry Pi kernel, root on
# "NIXOS_SD".
{ config, lib, pkgs, ... }:
{
  config = lib.mkIf (config.thymis.device.enable && config.thymis.device.hardwareModel == "raspberry-pi-4") {
    boot.loader.grub.enable = lib.mkDefault false;
    boot.loader.generic-extlinux-compatible.enable = lib.mkDefault true;
    boot.kernelPackages = lib.mkDefault pkgs.linuxPackages_rpi4;
    hardware.enableRedistributableFirmware = lib.mkDefault true;
    fileSystems."/" = lib.mkDefault {
      device = "/dev/disk/by-label/NIXOS_SD";
      fsType = "ext4";
    };
  };
}
