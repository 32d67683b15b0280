import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { TagView } from '@thymis/contracts';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { DEFAULT_PRIORITY, TagsService, type TagFields } from './tags.service';

const FIELDS = ['displayName', 'priority'] as const;

/**
 * A tag's name and priority, saved with the version the form started from: a change someone else made to them
 * meanwhile is a 412 to reload, not overwritten. Module edits (a newer version, same fields) move the version along.
 */
@Component({
  selector: 'app-tag-form',
  imports: [ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @if (stale()) {
        <div class="alert" role="alert">
          <span>Someone changed this tag meanwhile. Reload it to see their change, then edit again.</span>
          <button type="button" class="btn" (click)="reload()">Reload</button>
        </div>
      } @else if (generalError(); as message) {
        <p class="alert" role="alert">{{ message }}</p>
      }
      <div class="grid">
        <div class="field" [class.invalid]="errorFor('displayName')">
          <label for="tag-name">Name</label>
          <input
            id="tag-name"
            [attr.aria-invalid]="!!errorFor('displayName')"
            [attr.aria-describedby]="errorFor('displayName') ? 'tag-name-error' : null"
            formControlName="displayName"
            required
          />
          @if (errorFor('displayName'); as message) {
            <span class="field-error" id="tag-name-error">{{ message }}</span>
          }
        </div>
        <div class="field" [class.invalid]="errorFor('priority')">
          <label for="tag-priority">Priority</label>
          <input
            id="tag-priority"
            [attr.aria-invalid]="!!errorFor('priority')"
            [attr.aria-describedby]="errorFor('priority') ? 'tag-priority-error' : null"
            type="number"
            min="0"
            max="1000"
            step="1"
            formControlName="priority"
          />
          <span class="muted hint">0–1000; where tags set the same module, the lower number wins.</span>
          @if (errorFor('priority'); as message) {
            <span class="field-error" id="tag-priority-error">{{ message }}</span>
          }
        </div>
      </div>
      <div class="actions">
        @if (form.dirty) {
          <button type="button" class="btn" (click)="reload()" [disabled]="saving()">Discard changes</button>
        }
        <button type="submit" class="btn btn-primary" [disabled]="!form.dirty || form.invalid || saving()">
          {{ saving() ? 'Saving…' : 'Save' }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0 var(--space-4);
    }
    .hint {
      font-size: 0.85rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagFormComponent {
  private readonly tags = inject(TagsService);

  readonly tag = input.required<TagView>();
  readonly saved = output<TagView>();
  readonly staleFound = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    priority: [DEFAULT_PRIORITY, Validators.required],
  });
  protected readonly saving = signal(false);
  protected readonly stale = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly generalError = computed(() => {
    const error = this.error();
    return error && !FIELDS.some((field) => error.forField(field)) ? error.message : undefined;
  });
  private base?: { fields: TagFields; version: number };

  constructor() {
    effect(() => {
      const tag = this.tag();
      untracked(() => this.follow(tag));
    });
  }

  protected errorFor(field: (typeof FIELDS)[number]): string | undefined {
    return this.error()?.forField(field);
  }

  protected reload(): void {
    this.stale.set(false);
    this.error.set(null);
    this.reset(this.tag());
  }

  protected async submit(): Promise<void> {
    if (!this.base || this.form.invalid || this.saving()) return;
    const { fields, version } = this.base;
    const wanted = this.form.getRawValue();
    const changes = Object.fromEntries(FIELDS.filter((f) => wanted[f] !== fields[f]).map((f) => [f, wanted[f]]));
    this.saving.set(true);
    this.error.set(null);
    try {
      const tag = await this.tags.update(this.tag().identifier, changes, version);
      this.reset(tag);
      this.saved.emit(tag);
    } catch (error) {
      const refused = toApiError(error);
      this.stale.set(refused.statusCode === 412);
      this.error.set(refused);
      if (refused.statusCode === 412) this.staleFound.emit();
    } finally {
      this.saving.set(false);
    }
  }

  private follow(tag: TagView): void {
    const fields = { displayName: tag.displayName, priority: tag.priority };
    const base = this.base?.fields;
    if (base && FIELDS.every((f) => fields[f] === base[f])) this.base = { fields, version: tag.version };
    else if (!this.form.dirty) this.reset(tag);
  }

  private reset(tag: TagView): void {
    const fields = { displayName: tag.displayName, priority: tag.priority };
    this.base = { fields, version: tag.version };
    this.form.reset(fields);
  }
}
