import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Loader } from '../../core/http/loader';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { HistoryService } from './history.service';
import { parseUnifiedDiff } from './unified-diff';

/** What one commit changed, file by file, added lines green and removed ones red. */
@Component({
  selector: 'app-commit-diff',
  imports: [LoadStateComponent],
  template: `
    <app-load-state
      [loading]="diff.pending()"
      [error]="diff.error()"
      [empty]="files()?.length === 0"
      loadingText="Loading the diff…"
      emptyText="This commit changed no files."
      errorTitle="Could not load the diff."
      (retry)="diff.reload()"
    />
    @for (file of files(); track file.path) {
      <section class="file" [attr.aria-label]="'Changes to ' + file.path">
        <header>
          <code>{{ file.path }}</code>
          @if (file.change !== 'modified') {
            <span
              class="badge"
              [class.badge-succeeded]="file.change === 'added'"
              [class.badge-failed]="file.change === 'deleted'"
            >
              {{ file.change }}
            </span>
          }
        </header>
        <div class="lines">
          @for (line of file.lines; track $index) {
            <div class="line {{ line.kind }}">
              <span class="num" aria-hidden="true">{{ line.old }}</span>
              <span class="num" aria-hidden="true">{{ line.new }}</span>
              <span class="text">{{ line.text }}</span>
            </div>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .file {
      margin-top: var(--space-3);
      overflow: hidden;
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    header {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      padding: var(--space-2) var(--space-3);
      border-bottom: 1px solid var(--border);
      background: var(--surface-sunken);
    }
    .lines {
      overflow-x: auto;
      font: 0.8rem/1.5 var(--font-mono);
    }
    .line {
      display: grid;
      grid-template-columns: 3rem 3rem max-content;
      min-width: 100%;
      width: max-content;
    }
    .num {
      padding-right: var(--space-2);
      color: var(--text-muted);
      text-align: right;
      user-select: none;
    }
    .text {
      padding: 0 var(--space-3) 0 var(--space-2);
      white-space: pre;
    }
    .added {
      background: #e6f6ec;
    }
    .added .text {
      color: #14532d;
    }
    .removed {
      background: #fdecec;
    }
    .removed .text {
      color: #7f1d1d;
    }
    .hunk {
      background: var(--accent-soft);
      color: var(--accent);
    }
    @media (max-width: 40rem) {
      .line {
        grid-template-columns: 2.25rem 2.25rem max-content;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitDiffComponent {
  private readonly history = inject(HistoryService);

  readonly sha = input.required<string>();

  protected readonly diff = new Loader(() => this.history.diff(untracked(this.sha)));
  protected readonly files = computed(() => {
    const diff = this.diff.value();
    return diff ? parseUnifiedDiff(diff.diff) : undefined;
  });

  constructor() {
    effect(() => {
      this.sha();
      untracked(() => void this.diff.reload());
    });
  }
}
