import { computed, type Signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import type { HardwareModel, ImageFormat } from '@thymis/contracts';
import { formatFor, IMAGE_FORMATS } from './hardware';

/**
 * For a form with a hardware model and an image format: the formats to offer for the model chosen, and a format that
 * stays one the model boots from as the model changes. Call it where `inject` works (a field initializer).
 */
export function bootableFormats(controls: {
  hardwareModel: FormControl<HardwareModel>;
  imageFormat: FormControl<ImageFormat>;
}): Signal<readonly ImageFormat[]> {
  const { hardwareModel, imageFormat } = controls;
  const model = toSignal(hardwareModel.valueChanges, { initialValue: hardwareModel.value });
  hardwareModel.valueChanges
    .pipe(takeUntilDestroyed())
    .subscribe((chosen) => imageFormat.setValue(formatFor(chosen, imageFormat.value)));
  return computed(() => IMAGE_FORMATS[model()]);
}
