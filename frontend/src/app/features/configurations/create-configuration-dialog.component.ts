import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ConfigView } from '@thymis/contracts';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { identifierClash } from '../../core/http/identifier-clash';
import { Loader } from '../../core/http/loader';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { ModalDialogComponent } from '../../shared/modal-dialog/modal-dialog.component';
import { ConfigurationsService, type NewConfig } from './configurations.service';
import { DEFAULT_MODEL, formatFor, formatName, HARDWARE_MODELS, IMAGE_FORMATS, modelName } from './hardware';
import { TagPickerComponent } from './tag-picker.component';

const FIELDS = ['displayName', 'identifier', 'hardwareModel', 'imageFormat', 'tags'] as const;
type Field = (typeof FIELDS)[number];

/** The docs' "Create New Device": name, hardware model, image format and tags; the API's errors beside each field. */
@Component({
  selector: 'app-create-configuration-dialog',
  imports: [ReactiveFormsModule, ModalDialogComponent, LoadStateComponent, TagPickerComponent],
  templateUrl: './create-configuration-dialog.component.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0 var(--space-4);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateConfigurationDialogComponent {
  private readonly configs = inject(ConfigurationsService);

  readonly created = output<ConfigView>();
  readonly closed = output();

  protected readonly models = HARDWARE_MODELS;
  protected readonly modelName = modelName;
  protected readonly formatName = formatName;
  protected readonly tags = new Loader(() => this.configs.tags());
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    identifier: [''],
    hardwareModel: DEFAULT_MODEL,
    imageFormat: formatFor(DEFAULT_MODEL, null),
    tags: [[] as string[]],
  });
  private readonly model = toSignal(this.form.controls.hardwareModel.valueChanges, {
    initialValue: this.form.controls.hardwareModel.value,
  });
  protected readonly formats = computed(() => IMAGE_FORMATS[this.model()]);
  protected readonly submitting = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** A refusal that names none of the fields: shown above them. */
  protected readonly generalError = computed(() => {
    const error = this.error();
    return error && !FIELDS.some((field) => this.errorFor(field)) ? error.message : undefined;
  });

  constructor() {
    void this.tags.reload();
    this.form.controls.hardwareModel.valueChanges.pipe(takeUntilDestroyed()).subscribe((model) => {
      const format = this.form.controls.imageFormat;
      format.setValue(formatFor(model, format.value));
    });
  }

  protected errorFor(field: Field): string | undefined {
    const error = this.error();
    if (error?.code === 'already_exists') {
      return identifierClash(error, field, this.form.controls.identifier.value.trim() !== '');
    }
    return error?.forField(field);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.error.set(null);
    const { identifier, ...fields } = this.form.getRawValue();
    const config: NewConfig = { ...fields, ...(identifier.trim() ? { identifier: identifier.trim() } : {}) };
    try {
      this.created.emit(await this.configs.create(config));
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
