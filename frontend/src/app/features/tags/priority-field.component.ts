import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { FieldComponent, FieldControlDirective } from '../../shared/forms/field.component';
import { PARENT_FORM } from '../../shared/forms/parent-form';

/** A tag form's priority (control `priority`) with what it means, and the API's error beside it. */
@Component({
  selector: 'app-priority-field',
  imports: [ReactiveFormsModule, FieldComponent, FieldControlDirective],
  viewProviders: [PARENT_FORM],
  template: `
    <div class="field" [appField]="error()">
      <label [attr.for]="inputId()">Priority</label>
      <input [id]="inputId()" appFieldControl type="number" min="0" max="1000" step="1" formControlName="priority" />
      <span class="muted hint">0–1000; where tags set the same module, the lower number wins.</span>
    </div>
  `,
  styles: `
    /* As if its field stood in the form itself (in its grid). */
    :host {
      display: contents;
    }
    .hint {
      font-size: 0.85rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PriorityFieldComponent {
  readonly inputId = input.required<string>();
  readonly error = input<string | undefined>();
}
