import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { NG_VALUE_ACCESSOR, type ControlValueAccessor } from '@angular/forms';
import type { TagView } from '@thymis/contracts';

/**
 * The tags of a configuration as a group of checkboxes (a form control holding tag identifiers): usable on a phone,
 * unlike a `<select multiple>`.
 */
@Component({
  selector: 'app-tag-picker',
  template: `
    <fieldset [disabled]="disabled()">
      <legend>{{ legend() }}</legend>
      @for (tag of tags(); track tag.identifier) {
        <label class="tag">
          <input type="checkbox" [checked]="selected().includes(tag.identifier)" (change)="toggle(tag.identifier)" />
          {{ tag.displayName }}
          <span class="muted">({{ tag.identifier }})</span>
        </label>
      } @empty {
        <p class="muted none">No tags yet: create them under Tags.</p>
      }
    </fieldset>
  `,
  styles: `
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      margin: 0;
      padding: var(--space-2) var(--space-3) var(--space-3);
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    legend {
      padding: 0 var(--space-1);
      font-weight: 500;
    }
    .tag {
      display: inline-flex;
      align-items: center;
      gap: var(--space-1);
      font-weight: 400;
      cursor: pointer;
    }
    .tag .muted {
      font-size: 0.8rem;
    }
    .none {
      margin: 0;
    }
  `,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => TagPickerComponent), multi: true }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagPickerComponent implements ControlValueAccessor {
  readonly tags = input.required<TagView[]>();
  readonly legend = input('Tags');

  protected readonly selected = signal<string[]>([]);
  protected readonly disabled = signal(false);
  private onChange: (value: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: string[] | null): void {
    this.selected.set(value ?? []);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected toggle(identifier: string): void {
    const current = this.selected();
    const next = current.includes(identifier) ? current.filter((t) => t !== identifier) : [...current, identifier];
    this.selected.set(next);
    this.onChange(next);
    this.onTouched();
  }
}
