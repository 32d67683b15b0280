import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * Above a form's fields: what the API refused that names none of them (FormRequest.general), or, in an edit form, that
 * someone changed the thing edited meanwhile (VersionedForm.stale), with the button to reload it.
 *
 *   <app-form-alert [message]="request.general()" [stale]="edit.stale()" noun="tag" (reload)="edit.reload()" />
 */
@Component({
  selector: 'app-form-alert',
  template: `
    @if (stale()) {
      <div class="alert" role="alert">
        <span>Someone changed this {{ noun() }} meanwhile. Reload it to see their change, then edit again.</span>
        <button type="button" class="btn" (click)="reload.emit()">Reload</button>
      </div>
    } @else if (message(); as message) {
      <p class="alert" role="alert">{{ message }}</p>
    }
  `,
  // As if its alert stood in the form itself.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormAlertComponent {
  readonly message = input<string | undefined>();
  readonly stale = input(false);
  /** What the form edits, as the stale alert names it: "configuration", "tag". */
  readonly noun = input('');
  readonly reload = output();
}
