import { ChangeDetectionStrategy, Component, contentChild, Directive, ElementRef, inject, input } from '@angular/core';

/**
 * A form field with what the API refused of it (ApiError.forField, FormRequest.forField): marked invalid, the message
 * after its content. Its control, marked `appFieldControl`, points screen readers at the message.
 *
 *   <div class="field" [appField]="request.forField('displayName')">
 *     <label for="tag-name">Name</label>
 *     <input id="tag-name" appFieldControl formControlName="displayName" />
 *   </div>
 */
@Component({
  selector: '[appField]',
  host: { '[class.invalid]': 'error()' },
  template: `
    <ng-content />
    @if (error(); as message) {
      <span class="field-error" [attr.id]="control()?.errorId">{{ message }}</span>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldComponent {
  readonly error = input<string | undefined>(undefined, { alias: 'appField' });
  protected readonly control = contentChild(FieldControlDirective);
}

/** The input of a field: aria-invalid, and aria-describedby naming the message (its own id + "-error") while shown. */
@Directive({
  selector: '[appFieldControl]',
  host: {
    '[attr.aria-invalid]': '!!field.error()',
    '[attr.aria-describedby]': 'field.error() ? errorId : null',
  },
})
export class FieldControlDirective {
  protected readonly field = inject(FieldComponent);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /** Read from the element, as its id may be bound (`[id]`) rather than written out. */
  get errorId(): string {
    return `${this.element.id}-error`;
  }
}
