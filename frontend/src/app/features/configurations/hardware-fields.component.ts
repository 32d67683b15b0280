import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import type { ImageFormat } from '@thymis/contracts';
import { FieldComponent } from '../../shared/forms/field.component';
import type { FormRequest } from '../../shared/forms/form-request';
import { PARENT_FORM } from '../../shared/forms/parent-form';
import { formatName, HARDWARE_MODELS, modelName } from './hardware';

/**
 * A configuration form's hardware model and image format (controls `hardwareModel` and `imageFormat`), with the API's
 * errors beside them. The form keeps the format one the model boots from (bootableFormats) and passes those formats.
 */
@Component({
  selector: 'app-hardware-fields',
  imports: [ReactiveFormsModule, FieldComponent],
  viewProviders: [PARENT_FORM],
  template: `
    <div class="field" [appField]="request().forField('hardwareModel')">
      <label [attr.for]="idPrefix() + '-model'">Hardware model</label>
      <select [id]="idPrefix() + '-model'" formControlName="hardwareModel">
        @for (model of models; track model) {
          <option [value]="model">{{ modelName(model) }}</option>
        }
      </select>
    </div>
    <div class="field" [appField]="request().forField('imageFormat')">
      <label [attr.for]="idPrefix() + '-format'">Image format</label>
      <select [id]="idPrefix() + '-format'" formControlName="imageFormat">
        @for (format of formats(); track format) {
          <option [value]="format">{{ formatName(format) }}</option>
        }
      </select>
    </div>
  `,
  // As if its fields stood in the form itself (in its grid).
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HardwareFieldsComponent {
  /** The selects' ids start with it: `config` gives `config-model` and `config-format`. */
  readonly idPrefix = input.required<string>();
  readonly formats = input.required<readonly ImageFormat[]>();
  readonly request = input.required<Pick<FormRequest<'hardwareModel' | 'imageFormat'>, 'forField'>>();

  protected readonly models = HARDWARE_MODELS;
  protected readonly modelName = modelName;
  protected readonly formatName = formatName;
}
