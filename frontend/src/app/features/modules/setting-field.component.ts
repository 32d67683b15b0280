import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import type { SettingValue, SettingView } from '@thymis/contracts';
import type { ApiError } from '../../core/http/api-error';
import { SettingInputComponent } from './setting-input.component';
import { describeValue, errorAt, sameValue, startingValue } from './setting-values';

/**
 * One setting in the settings pane, as the docs describe it: unset, it shows its default and a pencil to set it;
 * set, it shows its value to edit and an X that returns it to the default. Saving is the pane's: it emits `save`.
 */
@Component({
  selector: 'app-setting-field',
  imports: [SettingInputComponent],
  templateUrl: './setting-field.component.html',
  styleUrl: './setting-field.component.css',
  host: { '[class.is-set]': 'isSet()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingFieldComponent {
  readonly setting = input.required<SettingView>();
  /** The stored value; undefined while the setting is not set. */
  readonly stored = input<SettingValue | undefined>();
  /** Makes element ids unique on the page: the module type. */
  readonly scope = input.required<string>();
  /** A write of this module runs: saving and clearing wait for it. */
  readonly busy = input(false);
  /** That write is this setting's. */
  readonly saving = input(false);
  /** What the API refused when this setting was last saved. */
  readonly error = input<ApiError | null>(null);
  readonly save = output<SettingValue>();
  readonly clear = output();

  /** Compared by content: a reload that brings the same value must not throw away what the user is typing. */
  private readonly current = computed(() => this.stored(), { equal: sameValue });
  protected readonly isSet = computed(() => this.current() !== undefined);
  /** Unset and opened with the pencil; closes again when the stored value changes (e.g. once saved). */
  protected readonly editing = linkedSignal({ source: this.current, computation: () => false });
  protected readonly draft = linkedSignal<SettingValue | undefined, SettingValue>({
    source: this.current,
    computation: (stored) => (stored === undefined ? startingValue(this.setting()) : structuredClone(stored)),
  });
  protected readonly changed = computed(() => !sameValue(this.draft(), this.current()));
  /** A number input left empty or half-typed holds null, which would mean "clear": not savable. */
  protected readonly complete = computed(() => this.setting().type !== 'int' || typeof this.draft() === 'number');

  protected readonly path = computed(() => `settings.${this.setting().name}`);
  protected readonly inputId = computed(() => `setting-${this.scope()}-${this.setting().name}`);
  protected readonly labelId = computed(() => `${this.inputId()}-label`);
  protected readonly descriptionId = computed(() => `${this.inputId()}-description`);
  protected readonly errorId = computed(() => `${this.inputId()}-error`);
  protected readonly defaultText = computed(() => describeValue(this.setting().default, this.setting()));

  /**
   * The message beside this setting: its own, or one naming no setting at all. A list's entries show theirs
   * beside each entry, so only the list's own message goes here.
   */
  protected readonly message = computed(() => {
    const error = this.error();
    if (!error) return undefined;
    const own = errorAt(error, this.path(), this.setting().type === 'list');
    if (own) return own;
    return errorAt(error, this.path()) ? undefined : error.message;
  });

  protected submit(): void {
    if (this.complete()) this.save.emit(this.draft());
  }

  protected discard(): void {
    const stored = this.current();
    if (stored === undefined) this.editing.set(false);
    else this.draft.set(structuredClone(stored));
  }

  /** Enter saves a one-line input; in multi-line ones it is a new line. */
  protected saveOnEnter(event: Event): void {
    if ((event.target as HTMLElement).tagName !== 'INPUT' || this.busy()) return;
    event.preventDefault();
    this.submit();
  }
}
