# A generic x86_64 PC or virtual machine booting with UEFI (systemd-boot), root on the partition labelled
# "nixos" and the EFI system partition labelled "ESP", as NixOS's raw-efi and qemu-efi images lay them out.
{ config, lib, ... }:
{
  config = lib.mkIf (config.thymis.device.enable && config.thymis.device.hardwareModel == "generic-x86_64") {
    boot.loader.systemd-boot.enable = lib.mkDefault true;
    boot.loader.efi.canTouchEfiVariables = lib.mkDefault false;
    boot.initrd.availableKernelModules = [
      "ahci"
      "nvme"
      "sd_mod"
      "usb_storage"
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
