import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ConfigView, TagView } from '@thymis/contracts';
import { FieldComponent, FieldControlDirective } from '../../shared/forms/field.component';
import { FormAlertComponent } from '../../shared/forms/form-alert.component';
import { FormRequest } from '../../shared/forms/form-request';
import { SaveActionsComponent } from '../../shared/forms/save-actions.component';
import { VersionedForm } from '../../shared/forms/versioned-form';
import { sameValue } from '../modules/setting-values';
import { bootableFormats } from './bootable-formats';
import { ConfigurationsService, type ConfigFields } from './configurations.service';
import { DEFAULT_MODEL, formatFor } from './hardware';
import { HardwareFieldsComponent } from './hardware-fields.component';
import { TagPickerComponent } from './tag-picker.component';

const fieldsOf = (config: ConfigView): ConfigFields => ({
  displayName: config.displayName,
  hardwareModel: config.hardwareModel,
  imageFormat: config.imageFormat,
  tags: config.tags,
});

/**
 * The docs' "Core Device Configuration": name, hardware model, image format and tags, saved with the version the
 * form started from, so that a change someone else made meanwhile is a 412 to reload rather than overwritten.
 */
@Component({
  selector: 'app-core-configuration-form',
  imports: [
    ReactiveFormsModule,
    TagPickerComponent,
    FieldComponent,
    FieldControlDirective,
    FormAlertComponent,
    HardwareFieldsComponent,
    SaveActionsComponent,
  ],
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

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    // Placeholders: the configuration fills the form as it arrives (VersionedForm follows it).
    hardwareModel: DEFAULT_MODEL,
    imageFormat: formatFor(DEFAULT_MODEL, null),
    tags: [[] as string[]],
  });
  protected readonly formats = bootableFormats(this.form.controls);
  protected readonly request = new FormRequest(['displayName', 'hardwareModel', 'imageFormat', 'tags']);
  protected readonly edit = new VersionedForm({
    form: this.form,
    request: this.request,
    view: this.config,
    fieldsOf,
    // Tags are a list: the same tags are no change.
    same: sameValue,
    save: (changes, version) => this.configs.update(this.config().identifier, changes, version),
    saved: (config) => this.saved.emit(config),
    staleFound: () => this.staleFound.emit(),
  });
}
