import { invalid } from './errors';

/** Image formats each hardware model can boot from; the first is the default. */
export const IMAGE_FORMATS = {
  'generic-x86_64': ['raw-efi', 'qcow', 'iso'],
  'generic-aarch64': ['raw-efi', 'qcow'],
  'raspberry-pi-3': ['sd-card-image'],
  'raspberry-pi-4': ['sd-card-image'],
  'raspberry-pi-5': ['sd-card-image'],
} as const satisfies Record<string, readonly string[]>;

export type HardwareModel = keyof typeof IMAGE_FORMATS;
export const HARDWARE_MODELS = Object.keys(IMAGE_FORMATS) as HardwareModel[];
export type ImageFormat = (typeof IMAGE_FORMATS)[HardwareModel][number];
export const ALL_IMAGE_FORMATS = [...new Set(Object.values(IMAGE_FORMATS).flat())] as ImageFormat[];

export function checkHardwareModel(value: string): HardwareModel {
  if (!(HARDWARE_MODELS as string[]).includes(value)) {
    throw invalid('hardwareModel', `must be one of ${HARDWARE_MODELS.join(', ')}`);
  }
  return value as HardwareModel;
}

export const bootsFrom = (model: HardwareModel, format: string): boolean =>
  (IMAGE_FORMATS[model] as readonly string[]).includes(format);

/** The format asked for, checked against the model; the model's default when none is asked for. */
export function chooseImageFormat(model: HardwareModel, format: string | undefined): ImageFormat {
  if (format === undefined) return IMAGE_FORMATS[model][0];
  if (!bootsFrom(model, format))
    throw invalid('imageFormat', `must be one of ${IMAGE_FORMATS[model].join(', ')} for ${model}`);
  return format as ImageFormat;
}
