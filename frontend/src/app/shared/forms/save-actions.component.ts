import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * An edit form's buttons: "Discard changes" once edited, and "Save" (the form's submit button) while there is something
 * valid to save. Form state is not a signal, so the form passes it in.
 *
 *   <app-save-actions [dirty]="form.dirty" [invalid]="form.invalid" [busy]="request.busy()" (discard)="edit.reload()" />
 */
@Component({
  selector: 'app-save-actions',
  template: `
    <div class="form-actions">
      @if (dirty()) {
        <button type="button" class="btn" (click)="discard.emit()" [disabled]="busy()">Discard changes</button>
      }
      <button type="submit" class="btn btn-primary" [disabled]="!dirty() || invalid() || busy()">
        {{ busy() ? 'Saving…' : 'Save' }}
      </button>
    </div>
  `,
  // As if its buttons stood in the form itself.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveActionsComponent {
  readonly dirty = input.required<boolean>();
  readonly invalid = input.required<boolean>();
  readonly busy = input.required<boolean>();
  readonly discard = output();
}
