# The hardware models: the platform each runs and the image formats it boots from, the first being the default.
# The same table as IMAGE_FORMATS in libs/domain/src/hardware.ts (a test checks that they agree).
{
  generic-x86_64 = {
    system = "x86_64-linux";
    imageFormats = [
      "raw-efi"
      "qcow"
      "iso"
    ];
  };
  generic-aarch64 = {
    system = "aarch64-linux";
    imageFormats = [
      "raw-efi"
      "qcow"
    ];
  };
  raspberry-pi-3 = {
    system = "aarch64-linux";
    imageFormats = [ "sd-card-image" ];
  };
  raspberry-pi-4 = {
    system = "aarch64-linux";
    imageFormats = [ "sd-card-image" ];
  };
  raspberry-pi-5 = {
    system = "aarch64-linux";
    imageFormats = [ "sd-card-image" ];
  };
}
