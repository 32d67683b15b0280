import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import type { ApiError } from '../../core/http/api-error';
import { errorAt } from './setting-values';

/** A list of strings (NTP servers, SSH keys, ports): one input per entry, each with its own error from the API. */
@Component({
  selector: 'app-string-list-input',
  template: `
    <div class="list" role="group" [attr.aria-labelledby]="labelId()">
      @for (item of value(); track $index) {
        <div class="entry">
          <div class="row">
            <input
              type="text"
              [id]="inputId() + '-' + $index"
              [attr.aria-label]="label() + ' ' + ($index + 1)"
              [attr.pattern]="pattern() ?? null"
              [value]="item"
              (input)="change($index, $event)"
              [class.invalid]="!!errorOf($index)"
              [attr.aria-invalid]="!!errorOf($index)"
              [attr.aria-describedby]="errorOf($index) ? inputId() + '-' + $index + '-error' : null"
            />
            <button
              type="button"
              class="btn remove"
              [attr.aria-label]="'Remove ' + label() + ' ' + ($index + 1)"
              (click)="remove($index)"
            >
              &times;
            </button>
          </div>
          @if (errorOf($index); as message) {
            <span class="field-error" [id]="inputId() + '-' + $index + '-error'">{{ message }}</span>
          }
        </div>
      } @empty {
        <p class="muted empty">No entries.</p>
      }
      <button type="button" class="btn add" [attr.aria-label]="'Add entry to ' + label()" (click)="add()">
        + Add entry
      </button>
    </div>
  `,
  styles: `
    .list {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
    }
    .row {
      display: flex;
      gap: var(--space-2);
    }
    input {
      flex: 1;
      min-width: 0;
      padding: 0.45rem 0.6rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      font: inherit;
    }
    input.invalid {
      border-color: var(--danger);
    }
    .remove {
      padding: 0 0.7rem;
    }
    .add {
      align-self: flex-start;
    }
    .empty {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StringListInputComponent {
  readonly value = model.required<string[]>();
  readonly inputId = input.required<string>();
  readonly labelId = input.required<string>();
  /** The setting's name in words, for each entry's label: "NTP servers 2". */
  readonly label = input.required<string>();
  readonly pattern = input<string>();
  readonly error = input<ApiError | null>(null);
  /** Where the API names this list in its messages: `settings.ntpServers`, whose entries are `….0`, `….1`. */
  readonly path = input.required<string>();

  protected errorOf(index: number): string | undefined {
    return errorAt(this.error(), `${this.path()}.${index}`);
  }

  protected change(index: number, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.value.update((items) => items.map((item, i) => (i === index ? text : item)));
  }

  protected add(): void {
    this.value.update((items) => [...items, '']);
  }

  protected remove(index: number): void {
    this.value.update((items) => items.filter((_, i) => i !== index));
  }
}
