import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  input,
  model,
  output,
  viewChild,
} from '@angular/core';

let dialogs = 0;

/**
 * Asks before something that cannot be taken back (revert, delete, cancel a build). A modal `<dialog>`: Escape and
 * "Cancel" close it, focus stays inside while it is open. Bind `[(open)]`; extra detail goes in as content.
 *
 *   <app-confirm-dialog [(open)]="confirmRevert" heading="Revert to 1a2b3c4?" confirmLabel="Revert" danger
 *                       [busy]="reverting()" (confirmed)="revert()">Later changes stay in the history.</app-confirm-dialog>
 */
@Component({
  selector: 'app-confirm-dialog',
  template: `
    <dialog
      #dialog
      class="dialog"
      [attr.aria-labelledby]="headingId"
      (cancel)="$event.preventDefault(); cancel()"
      (close)="open.set(false)"
    >
      <h2 [id]="headingId">{{ heading() }}</h2>
      <div class="body"><ng-content /></div>
      <div class="actions">
        <button type="button" class="btn" (click)="cancel()" [disabled]="busy()">Cancel</button>
        <button
          type="button"
          class="btn"
          [class.btn-danger]="danger()"
          [class.btn-primary]="!danger()"
          (click)="confirmed.emit()"
          [disabled]="busy()"
        >
          {{ busy() ? 'Working…' : confirmLabel() }}
        </button>
      </div>
    </dialog>
  `,
  styles: `
    dialog {
      width: min(28rem, calc(100vw - 2rem));
    }
    h2 {
      margin: 0 0 var(--space-3);
      font-size: 1.15rem;
    }
    .body {
      color: var(--text-muted);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--space-2);
      margin-top: var(--space-5);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  readonly open = model(false);
  readonly heading = input.required<string>();
  readonly confirmLabel = input('Confirm');
  readonly danger = input(false, { transform: booleanAttribute });
  /** While the confirmed action runs: buttons disabled, the dialog stays open until the page sets open to false. */
  readonly busy = input(false);
  readonly confirmed = output();
  readonly cancelled = output();

  protected readonly headingId = `confirm-heading-${++dialogs}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.open() && !dialog.open) dialog.showModal();
      if (!this.open() && dialog.open) dialog.close();
    });
  }

  protected cancel(): void {
    if (this.busy()) return;
    this.open.set(false);
    this.cancelled.emit();
  }
}
