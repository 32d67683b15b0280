import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { ModuleTypeView } from '@thymis/contracts';
import type { ApiError } from '../../core/http/api-error';
import { ModalDialogComponent } from '../../shared/modal-dialog/modal-dialog.component';
import { matchesSearch } from './setting-values';

/** The docs' "Add Module" dialog: search the catalogue by name or description, pick one. */
@Component({
  selector: 'app-add-module-dialog',
  imports: [ModalDialogComponent],
  template: `
    <app-modal-dialog heading="Add module" width="36rem" (closed)="closed.emit()">
      <div class="field">
        <label for="module-search">Search modules</label>
        <input
          id="module-search"
          type="search"
          placeholder="kiosk, containers, ssh…"
          autocomplete="off"
          [value]="query()"
          (input)="query.set(textOf($event))"
        />
      </div>
      @if (error(); as error) {
        <p class="alert" role="alert">{{ error.message }}</p>
      }
      <ul class="results" aria-label="Modules">
        @for (module of results(); track module.type) {
          <li>
            <button
              type="button"
              class="result"
              [disabled]="present().has(module.type) || busy()"
              (click)="picked.emit(module.type)"
            >
              <span class="name">{{ module.displayName }}</span>
              <span class="muted">{{ module.description }}</span>
              @if (present().has(module.type)) {
                <span class="badge">added</span>
              }
            </button>
          </li>
        } @empty {
          <li class="muted none">No module matches “{{ query() }}”.</li>
        }
      </ul>
    </app-modal-dialog>
  `,
  styles: `
    .results {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      max-height: min(50vh, 26rem);
      margin: 0;
      padding: 0;
      overflow-y: auto;
      list-style: none;
    }
    .result {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.1rem;
      width: 100%;
      padding: var(--space-3);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: inherit;
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .result:hover:not(:disabled) {
      border-color: var(--accent);
      background: var(--accent-soft);
    }
    .result:disabled {
      cursor: default;
      opacity: 0.6;
    }
    .name {
      font-weight: 600;
    }
    .none {
      padding: var(--space-3);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddModuleDialogComponent {
  readonly catalogue = input.required<ModuleTypeView[]>();
  /** Types already on the owner: each module goes on once. */
  readonly present = input.required<ReadonlySet<string>>();
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly picked = output<string>();
  readonly closed = output();

  protected readonly query = signal('');
  protected readonly results = computed(() => this.catalogue().filter((module) => matchesSearch(module, this.query())));

  protected textOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
