import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { TagView } from '@thymis/contracts';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { identifierClash } from '../../core/http/identifier-clash';
import { ModalDialogComponent } from '../../shared/modal-dialog/modal-dialog.component';
import { DEFAULT_PRIORITY, TagsService, type NewTag } from './tags.service';

const FIELDS = ['displayName', 'identifier', 'priority'] as const;
type Field = (typeof FIELDS)[number];

/** Name, optional identifier and priority; the API's errors beside each field. */
@Component({
  selector: 'app-create-tag-dialog',
  imports: [ReactiveFormsModule, ModalDialogComponent],
  template: `
    <app-modal-dialog heading="Create tag" (closed)="closed.emit()">
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (generalError(); as message) {
          <p class="alert" role="alert">{{ message }}</p>
        }
        <div class="field" [class.invalid]="errorFor('displayName')">
          <label for="new-tag-name">Name</label>
          <input
            id="new-tag-name"
            [attr.aria-invalid]="!!errorFor('displayName')"
            [attr.aria-describedby]="errorFor('displayName') ? 'new-tag-name-error' : null"
            formControlName="displayName"
            placeholder="Lobby screens"
            required
          />
          @if (errorFor('displayName'); as message) {
            <span class="field-error" id="new-tag-name-error">{{ message }}</span>
          }
        </div>
        <div class="field" [class.invalid]="errorFor('identifier')">
          <label for="new-tag-identifier">Identifier <span class="muted">(optional)</span></label>
          <input
            id="new-tag-identifier"
            [attr.aria-invalid]="!!errorFor('identifier')"
            [attr.aria-describedby]="errorFor('identifier') ? 'new-tag-identifier-error' : null"
            formControlName="identifier"
            placeholder="derived from the name"
          />
          @if (errorFor('identifier'); as message) {
            <span class="field-error" id="new-tag-identifier-error">{{ message }}</span>
          }
        </div>
        <div class="field" [class.invalid]="errorFor('priority')">
          <label for="new-tag-priority">Priority</label>
          <input
            id="new-tag-priority"
            [attr.aria-invalid]="!!errorFor('priority')"
            [attr.aria-describedby]="errorFor('priority') ? 'new-tag-priority-error' : null"
            type="number"
            min="0"
            max="1000"
            step="1"
            formControlName="priority"
          />
          <span class="muted hint">0–1000; where tags set the same module, the lower number wins.</span>
          @if (errorFor('priority'); as message) {
            <span class="field-error" id="new-tag-priority-error">{{ message }}</span>
          }
        </div>
        <div class="actions">
          <button type="button" class="btn" (click)="closed.emit()">Cancel</button>
          <button type="submit" class="btn btn-primary" [disabled]="form.invalid || submitting()">
            {{ submitting() ? 'Creating…' : 'Create' }}
          </button>
        </div>
      </form>
    </app-modal-dialog>
  `,
  styles: `
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
export class CreateTagDialogComponent {
  private readonly tags = inject(TagsService);

  readonly created = output<TagView>();
  readonly closed = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    identifier: [''],
    priority: [DEFAULT_PRIORITY, Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly generalError = computed(() => {
    const error = this.error();
    return error && !FIELDS.some((field) => this.errorFor(field)) ? error.message : undefined;
  });

  protected errorFor(field: Field): string | undefined {
    const error = this.error();
    if (error?.code === 'already_exists') {
      return identifierClash(error, field, this.form.controls.identifier.value.trim() !== '');
    }
    return error?.forField(field);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.error.set(null);
    const { identifier, ...fields } = this.form.getRawValue();
    const tag: NewTag = { ...fields, ...(identifier.trim() ? { identifier: identifier.trim() } : {}) };
    try {
      this.created.emit(await this.tags.create(tag));
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
