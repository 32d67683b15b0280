import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { FieldComponent, FieldControlDirective } from './field.component';
import type { FormRequest } from './form-request';
import { PARENT_FORM } from './parent-form';

/**
 * A create form's name and optional identifier (controls `displayName` and `identifier`; the API derives a missing
 * identifier from the name), with the API's errors beside them.
 */
@Component({
  selector: 'app-name-fields',
  imports: [ReactiveFormsModule, FieldComponent, FieldControlDirective],
  viewProviders: [PARENT_FORM],
  template: `
    <div class="field" [appField]="request().forField('displayName')">
      <label [attr.for]="idPrefix() + '-name'">Name</label>
      <input
        [id]="idPrefix() + '-name'"
        appFieldControl
        formControlName="displayName"
        [placeholder]="placeholder()"
        required
      />
    </div>
    <div class="field" [appField]="request().forField('identifier')">
      <label [attr.for]="idPrefix() + '-identifier'">Identifier <span class="muted">(optional)</span></label>
      <input
        [id]="idPrefix() + '-identifier'"
        appFieldControl
        formControlName="identifier"
        placeholder="derived from the name"
      />
    </div>
  `,
  // As if its fields stood in the form itself.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NameFieldsComponent {
  /** The inputs' ids start with it: `new-tag` gives `new-tag-name` and `new-tag-identifier`. */
  readonly idPrefix = input.required<string>();
  /** An example name. */
  readonly placeholder = input.required<string>();
  readonly request = input.required<Pick<FormRequest<'displayName' | 'identifier'>, 'forField'>>();
}
