# Thymis device-side NixOS modules, exported by this project's flake as nixosModules.device.
# Every configuration a Thymis controller generates imports this; its generated files then set the options
# thymis.<type>.<setting> declared here (with lib.mkOverride: a configuration's 80 beats its tags' priorities).
# One file per module type of the controller's catalogue (custom-nix needs none: its code is a module itself),
# the hardware models and the image formats.
{
  imports = [
    ./device.nix
    ./networking.nix
    ./localization.nix
    ./security.nix
    ./kiosk.nix
    ./oci-containers.nix
    ./bash-service.nix
    ./hardware
    ./image.nix
  ];
}
