import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type ProgressTone = 'running' | 'succeeded' | 'failed';

/** A task's progress: `value` 0–100, or null while it is not known yet (the bar then moves without a number). */
@Component({
  selector: 'app-progress-bar',
  template: `
    <div
      class="track"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="percent()"
      [attr.aria-label]="label() || 'progress'"
      [class]="tone()"
      [class.indeterminate]="percent() === null"
    >
      <div class="fill" [style.width.%]="percent() ?? 100"></div>
    </div>
    @if (label() || percent() !== null) {
      <div class="caption">
        <span class="label">{{ label() }}</span>
        @if (percent() !== null) {
          <span>{{ percent() }}%</span>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .track {
      height: 0.5rem;
      overflow: hidden;
      border-radius: 999px;
      background: var(--surface-sunken);
    }
    .fill {
      height: 100%;
      background: var(--accent);
      transition: width 0.3s ease;
    }
    .succeeded .fill {
      background: var(--success);
    }
    .failed .fill {
      background: var(--danger);
    }
    .indeterminate .fill {
      width: 30% !important;
      animation: slide 1.2s ease-in-out infinite;
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(340%);
      }
    }
    .caption {
      display: flex;
      justify-content: space-between;
      gap: var(--space-2);
      margin-top: var(--space-1);
      font-size: 0.85rem;
      color: var(--text-muted);
    }
    .label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressBarComponent {
  readonly value = input<number | null | undefined>(null);
  /** What runs now, e.g. the build's current activity. */
  readonly label = input('');
  readonly tone = input<ProgressTone>('running');

  protected readonly percent = computed(() => {
    const value = this.value();
    return value === null || value === undefined ? null : Math.round(Math.min(100, Math.max(0, value)));
  });
}
