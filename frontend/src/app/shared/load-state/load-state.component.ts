import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { ApiError } from '../../core/http/api-error';

/**
 * The part of a page that is not its data: a loading note, an error with a retry button, or an empty message.
 * Renders nothing once there is data to show, so pages put it just above their own content:
 *
 *   <app-load-state [loading]="tags.pending()" [error]="tags.error()" [empty]="tags.value()?.items?.length === 0"
 *                   emptyText="No tags yet." (retry)="tags.reload()" />
 *   @if (tags.value(); as page) { … }
 */
@Component({
  selector: 'app-load-state',
  template: `
    @if (error(); as error) {
      <div class="state state-error" role="alert">
        <p>
          <strong>{{ errorTitle() }}</strong> {{ error.message }}
        </p>
        <button type="button" class="btn" (click)="retry.emit()">Try again</button>
      </div>
    } @else if (loading()) {
      <p class="state" aria-live="polite"><span class="spinner" aria-hidden="true"></span>{{ loadingText() }}</p>
    } @else if (empty()) {
      <div class="state state-empty">
        <p>{{ emptyText() }}</p>
        <ng-content select="[empty-action]" />
      </div>
    }
  `,
  styles: `
    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-3);
      padding: var(--space-4);
      margin: 0 0 var(--space-4);
      color: var(--text-muted);
    }
    .state p {
      margin: 0;
    }
    .state-error {
      justify-content: space-between;
      border: 1px solid var(--danger-border);
      border-radius: var(--radius);
      background: var(--danger-bg);
      color: var(--danger);
    }
    .state-empty {
      flex-direction: column;
      border: 1px dashed var(--border);
      border-radius: var(--radius);
    }
    .spinner {
      width: 1rem;
      height: 1rem;
      border: 2px solid var(--border);
      border-top-color: var(--accent);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadStateComponent {
  readonly loading = input(false);
  readonly error = input<ApiError | null | undefined>(null);
  readonly empty = input(false);
  readonly loadingText = input('Loading…');
  readonly emptyText = input('Nothing here yet.');
  readonly errorTitle = input('Could not load this.');
  readonly retry = output();
}
