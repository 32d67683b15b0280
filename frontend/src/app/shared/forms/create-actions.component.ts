import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * A create dialog's buttons: "Cancel", and "Create" (the form's submit button) once the form is valid. Form state is
 * not a signal, so the form passes it in.
 */
@Component({
  selector: 'app-create-actions',
  template: `
    <div class="form-actions">
      <button type="button" class="btn" (click)="cancel.emit()">Cancel</button>
      <button type="submit" class="btn btn-primary" [disabled]="invalid() || busy()">
        {{ busy() ? 'Creating…' : 'Create' }}
      </button>
    </div>
  `,
  // As if its buttons stood in the form itself.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateActionsComponent {
  readonly invalid = input.required<boolean>();
  readonly busy = input.required<boolean>();
  readonly cancel = output();
}
