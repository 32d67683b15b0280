# A generic 64-bit ARM machine or virtual machine booting with UEFI (systemd-boot); same disk layout as
# generic-x86_64.
{ config, lib, ... }:
{
  config = lib.mkIf (config.thymis.device.enable && config.thymis.device.hardwareModel == "generic-aarch64") {
    boot.loader.systemd-boot.enable = lib.mkDefault true;
    boot.loader.efi.canTouchEfiVariables = lib.mkDefault false;
    boot.initrd.availableKernelModules = [
      "nvme"
      "usb_storage"
      "usbhid"
      "xhci_pci"
      "virtio_pci"
      "virtio_blk"
      "virtio_scsi"
    ];
    fileSystems."/" = lib.mkDefault {
      device = "/dev/disk/by-label/nixos";
      fsType = "ext4";
    };
    fileSystems."/boot" = lib.mkDefault {
      device = "/dev/disk/by-label/ESP";
      fsType = "vfat";
    };
  };
}
