import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import type { SettingValue, SettingView } from '@thymis/contracts';
import type { ApiError } from '../../core/http/api-error';
import { NixEditorComponent } from './nix-editor.component';
import { errorAt, newItem, nixErrorPosition } from './setting-values';
import { StringListInputComponent } from './string-list-input.component';

type Item = Record<string, SettingValue>;

/**
 * The input fitted to a setting's type: a switch, a number with its bounds, a select of its choices, text, a
 * multi-line text, the Nix editor, or a list (of strings, or of objects whose fields are settings themselves — those
 * render this component again for each field). The label is the caller's, tied to `inputId` or `labelId`.
 */
@Component({
  selector: 'app-setting-input',
  imports: [NixEditorComponent, StringListInputComponent],
  templateUrl: './setting-input.component.html',
  styleUrl: './setting-input.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingInputComponent {
  readonly setting = input.required<SettingView>();
  readonly value = model.required<SettingValue>();
  readonly inputId = input.required<string>();
  /** Names a group of inputs (a list), which no single `<label for>` can. */
  readonly labelId = input.required<string>();
  /** Where the API names this value in its messages: `settings.url`, `settings.containers.0.ports`. */
  readonly path = input.required<string>();
  readonly error = input<ApiError | null>(null);
  readonly describedBy = input<string | null>(null);

  protected readonly fields = computed(() => {
    const of = this.setting().of;
    return typeof of === 'object' ? of.fields : undefined;
  });
  protected readonly text = computed(() => {
    const value = this.value();
    return typeof value === 'string' ? value : '';
  });
  protected readonly strings = computed(() => this.list().filter((item) => typeof item === 'string'));
  protected readonly items = computed(() => this.list().filter((item): item is Item => isItem(item)));
  protected readonly nixErrorLine = computed(() => nixErrorPosition(errorAt(this.error(), this.path()))?.line);

  private readonly list = computed(() => {
    const value = this.value();
    return Array.isArray(value) ? value : [];
  });

  /** A field's own message; a list field's entries show theirs beside each entry. */
  protected itemError(index: number, field: SettingView): string | undefined {
    return errorAt(this.error(), `${this.path()}.${index}.${field.name}`, field.type === 'list');
  }

  protected setField(index: number, name: string, value: SettingValue): void {
    this.value.set(this.items().map((item, i) => (i === index ? { ...item, [name]: value } : item)));
  }

  protected addItem(fields: SettingView[]): void {
    this.value.set([...this.items(), newItem(fields)]);
  }

  protected removeItem(index: number): void {
    this.value.set(this.items().filter((_, i) => i !== index));
  }

  protected textOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected checkedOf(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  /** An empty or half-typed number is null: the field refuses to save it. */
  protected numberOf(event: Event): number | null {
    const number = (event.target as HTMLInputElement).valueAsNumber;
    return Number.isNaN(number) ? null : number;
  }
}

const isItem = (value: SettingValue): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
