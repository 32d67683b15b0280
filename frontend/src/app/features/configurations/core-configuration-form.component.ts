import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ConfigView, TagView } from '@thymis/contracts';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { sameValue } from '../modules/setting-values';
import { ConfigurationsService, type ConfigFields } from './configurations.service';
import { DEFAULT_MODEL, formatFor, formatName, HARDWARE_MODELS, IMAGE_FORMATS, modelName } from './hardware';
import { TagPickerComponent } from './tag-picker.component';

const FIELDS = ['displayName', 'hardwareModel', 'imageFormat', 'tags'] as const;

const fieldsOf = (config: ConfigView): ConfigFields => ({
  displayName: config.displayName,
  hardwareModel: config.hardwareModel,
  imageFormat: config.imageFormat,
  tags: config.tags,
});

const sameFields = (a: ConfigFields, b: ConfigFields) => FIELDS.every((field) => sameValue(a[field], b[field]));

/**
 * The docs' "Core Device Configuration": name, hardware model, image format and tags, saved with the version the
 * form started from, so that a change someone else made meanwhile is a 412 to reload rather than overwritten.
 */
@Component({
  selector: 'app-core-configuration-form',
  imports: [ReactiveFormsModule, TagPickerComponent],
  templateUrl: './core-configuration-form.component.html',
  styleUrl: './core-configuration-form.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoreConfigurationFormComponent {
  private readonly configs = inject(ConfigurationsService);

  readonly config = input.required<ConfigView>();
  readonly tags = input.required<TagView[]>();
  readonly saved = output<ConfigView>();
  /** A save found the configuration changed meanwhile: the page fetches it again. */
  readonly staleFound = output();

  protected readonly models = HARDWARE_MODELS;
  protected readonly modelName = modelName;
  protected readonly formatName = formatName;
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    // Placeholders: the configuration fills the form as it arrives (follow()).
    hardwareModel: DEFAULT_MODEL,
    imageFormat: formatFor(DEFAULT_MODEL, null),
    tags: [[] as string[]],
  });
  private readonly model = toSignal(this.form.controls.hardwareModel.valueChanges, {
    initialValue: this.form.controls.hardwareModel.value,
  });
  protected readonly formats = computed(() => IMAGE_FORMATS[this.model()]);
  protected readonly saving = signal(false);
  protected readonly stale = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly generalError = computed(() => {
    const error = this.error();
    return error && !FIELDS.some((field) => error.forField(field)) ? error.message : undefined;
  });
  /** What the form started from, and the version to send: see follow(). */
  private base?: { fields: ConfigFields; version: number };

  constructor() {
    effect(() => {
      const config = this.config();
      untracked(() => this.follow(config));
    });
    this.form.controls.hardwareModel.valueChanges.pipe(takeUntilDestroyed()).subscribe((model) => {
      const format = this.form.controls.imageFormat;
      format.setValue(formatFor(model, format.value));
    });
  }

  protected errorFor(field: (typeof FIELDS)[number]): string | undefined {
    return this.error()?.forField(field);
  }

  protected reload(): void {
    this.stale.set(false);
    this.error.set(null);
    this.reset(this.config());
  }

  protected async submit(): Promise<void> {
    if (!this.base || this.form.invalid || this.saving()) return;
    const { fields, version } = this.base;
    const wanted = this.form.getRawValue();
    const changes = Object.fromEntries(
      FIELDS.filter((f) => !sameValue(wanted[f], fields[f])).map((f) => [f, wanted[f]]),
    );
    this.saving.set(true);
    this.error.set(null);
    try {
      const config = await this.configs.update(this.config().identifier, changes, version);
      this.reset(config);
      this.saved.emit(config);
    } catch (error) {
      const refused = toApiError(error);
      this.stale.set(refused.statusCode === 412);
      this.error.set(refused);
      if (refused.statusCode === 412) this.staleFound.emit();
    } finally {
      this.saving.set(false);
    }
  }

  /**
   * A newer configuration arrived (live, or by a module edit). Untouched, the form shows it. Being edited, it keeps
   * the user's edits; if only the modules changed it moves its version along (no conflict with these fields), else it
   * keeps the old version, so that saving is refused with 412 instead of overwriting the other change.
   */
  private follow(config: ConfigView): void {
    const fields = fieldsOf(config);
    if (this.base && sameFields(fields, this.base.fields)) this.base = { fields, version: config.version };
    else if (!this.form.dirty) this.reset(config);
  }

  private reset(config: ConfigView): void {
    this.base = { fields: fieldsOf(config), version: config.version };
    this.form.reset(fieldsOf(config));
  }
}
