import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';

let dialogs = 0;

/**
 * A modal `<dialog>` for forms (create a configuration, add a module): a heading, the form as content; Escape and the
 * close button emit `closed`. It opens as it appears, so the page shows it with `@if`, and a form starts afresh each
 * time (projected content lives as long as the element that holds it, not as long as the dialog is open):
 *
 *   @if (creating()) {
 *     <app-modal-dialog heading="Create New Device" (closed)="creating.set(false)"><form>…</form></app-modal-dialog>
 *   }
 */
@Component({
  selector: 'app-modal-dialog',
  template: `
    <dialog #dialog class="dialog" [attr.aria-labelledby]="headingId" (close)="closed.emit()" [style.width]="width()">
      <header>
        <h2 [id]="headingId">{{ heading() }}</h2>
        <button type="button" class="close" aria-label="Close" (click)="dialog.close()">&times;</button>
      </header>
      <ng-content />
    </dialog>
  `,
  styles: `
    dialog {
      max-width: calc(100vw - 1.5rem);
      max-height: calc(100dvh - 1.5rem);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-3);
      margin-bottom: var(--space-4);
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
    }
    .close {
      padding: 0 var(--space-2);
      border: 0;
      background: none;
      color: var(--text-muted);
      font-size: 1.5rem;
      line-height: 1;
      cursor: pointer;
    }
    @media (max-width: 480px) {
      dialog {
        padding: var(--space-4);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModalDialogComponent {
  readonly heading = input.required<string>();
  readonly width = input('32rem');
  /** Escape or the close button: the page removes the dialog. */
  readonly closed = output();

  protected readonly headingId = `modal-heading-${++dialogs}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    afterNextRender(() => this.dialog().nativeElement.showModal());
  }
}
