import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ConfigView } from '@thymis/contracts';
import { Loader } from '../../core/http/loader';
import { FieldComponent } from '../../shared/forms/field.component';
import { CreateActionsComponent } from '../../shared/forms/create-actions.component';
import { FormAlertComponent } from '../../shared/forms/form-alert.component';
import { FormRequest } from '../../shared/forms/form-request';
import { withTypedIdentifier } from '../../shared/forms/form-values';
import { NameFieldsComponent } from '../../shared/forms/name-fields.component';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { ModalDialogComponent } from '../../shared/modal-dialog/modal-dialog.component';
import { bootableFormats } from './bootable-formats';
import { ConfigurationsService } from './configurations.service';
import { DEFAULT_MODEL, formatFor } from './hardware';
import { HardwareFieldsComponent } from './hardware-fields.component';
import { TagPickerComponent } from './tag-picker.component';

/** The docs' "Create New Device": name, hardware model, image format and tags; the API's errors beside each field. */
@Component({
  selector: 'app-create-configuration-dialog',
  imports: [
    ReactiveFormsModule,
    ModalDialogComponent,
    LoadStateComponent,
    TagPickerComponent,
    FieldComponent,
    FormAlertComponent,
    NameFieldsComponent,
    HardwareFieldsComponent,
    CreateActionsComponent,
  ],
  templateUrl: './create-configuration-dialog.component.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0 var(--space-4);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateConfigurationDialogComponent {
  private readonly configs = inject(ConfigurationsService);

  readonly created = output<ConfigView>();
  readonly closed = output();

  protected readonly tags = new Loader(() => this.configs.tags());
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    identifier: [''],
    hardwareModel: DEFAULT_MODEL,
    imageFormat: formatFor(DEFAULT_MODEL, null),
    tags: [[] as string[]],
  });
  protected readonly formats = bootableFormats(this.form.controls);
  protected readonly request = new FormRequest(
    ['displayName', 'identifier', 'hardwareModel', 'imageFormat', 'tags'],
    () => this.form.controls.identifier.value.trim() !== '',
  );

  constructor() {
    void this.tags.reload();
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) return;
    const config = await this.request.send(() => this.configs.create(withTypedIdentifier(this.form.getRawValue())));
    if (config) this.created.emit(config);
  }
}
