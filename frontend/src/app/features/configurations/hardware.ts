import type { HardwareModel, ImageFormat } from '@thymis/contracts';

/**
 * The image formats each hardware model boots from, the default first: the API's table (libs/domain hardware.ts),
 * repeated here because the dashboard takes only types from the libraries; hardware.spec.ts keeps the two equal.
 */
export const IMAGE_FORMATS: { readonly [M in HardwareModel]: readonly ImageFormat[] } = {
  'generic-x86_64': ['raw-efi', 'qcow', 'iso'],
  'generic-aarch64': ['raw-efi', 'qcow'],
  'raspberry-pi-3': ['sd-card-image'],
  'raspberry-pi-4': ['sd-card-image'],
  'raspberry-pi-5': ['sd-card-image'],
};

export const HARDWARE_MODELS = Object.keys(IMAGE_FORMATS) as HardwareModel[];

/** What the Create New Device dialog starts with: the docs' typical device. */
export const DEFAULT_MODEL: HardwareModel = 'raspberry-pi-4';

const MODEL_NAMES: Record<HardwareModel, string> = {
  'generic-x86_64': 'Generic x86-64',
  'generic-aarch64': 'Generic AArch64',
  'raspberry-pi-3': 'Raspberry Pi 3',
  'raspberry-pi-4': 'Raspberry Pi 4',
  'raspberry-pi-5': 'Raspberry Pi 5',
};

const FORMAT_NAMES: Record<ImageFormat, string> = {
  'raw-efi': 'Raw disk image (EFI)',
  qcow: 'QCOW2 (virtual machines)',
  iso: 'ISO installer',
  'sd-card-image': 'SD card image',
};

export const modelName = (model: HardwareModel): string => MODEL_NAMES[model] ?? model;
export const formatName = (format: ImageFormat): string => FORMAT_NAMES[format] ?? format;

/** The format to keep when the model changes: the one chosen if the new model boots from it, else its default. */
export function formatFor(model: HardwareModel, format: ImageFormat | null): ImageFormat {
  const formats = IMAGE_FORMATS[model];
  return format !== null && formats.includes(format) ? format : formats[0];
}
