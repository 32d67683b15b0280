import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { switchMap, tap } from 'rxjs';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { LiveService } from '../../core/live/live.service';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { isProgressReport, type TaskMessage } from '../../shared/task-progress/live-task';
import { LogJoin } from './log-join';
import { TasksService } from './tasks.service';

/** A real build logs tens of thousands of lines; the browser shows the latest ones. */
const MAX_SHOWN = 5000;
/** How close to the end counts as "at the end" (a fraction of a line: rounding of scroll positions). */
const BOTTOM_SLACK_PX = 8;

/**
 * A task's log as it is written: fetched, then followed line by line over `task:<id>`. Keeps the newest line in view
 * while the reader is at the end, and stays where the reader scrolled to otherwise.
 */
@Component({
  selector: 'app-task-log',
  imports: [LoadStateComponent],
  template: `
    <app-load-state
      [loading]="loading() && lines().length === 0"
      [error]="error()"
      loadingText="Loading the log…"
      errorTitle="Could not load the log."
      (retry)="load()"
    />
    <div #viewport class="log" tabindex="0" role="log" aria-label="Task log" (scroll)="follow()">
      @if (hidden() > 0) {
        <div class="note">… {{ hidden() }} earlier lines not shown</div>
      }
      @for (line of shown(); track $index) {
        <div class="line">{{ line }}</div>
      } @empty {
        @if (!loading()) {
          <div class="note">{{ complete() ? 'No log lines.' : 'No log lines yet.' }}</div>
        }
      }
      @if (complete()) {
        <div class="note end">— complete —</div>
      }
    </div>
  `,
  styles: `
    .log {
      max-height: 28rem;
      min-height: 6rem;
      overflow: auto;
      padding: var(--space-3);
      border-radius: var(--radius);
      background: #0f172a;
      color: #e2e8f0;
      font: 0.8rem/1.45 var(--font-mono);
    }
    .line {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .note {
      color: #94a3b8;
      font-style: italic;
    }
    .end {
      margin-top: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskLogComponent {
  private readonly tasks = inject(TasksService);
  private readonly live = inject(LiveService);

  readonly taskId = input.required<string>();

  private readonly join = new LogJoin();
  private readonly viewport = viewChild.required<ElementRef<HTMLElement>>('viewport');
  private loads = 0;
  private atEnd = true;

  protected readonly lines = signal<readonly string[]>([]);
  protected readonly complete = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly shown = computed(() => this.lines().slice(-MAX_SHOWN));
  protected readonly hidden = computed(() => this.lines().length - this.shown().length);

  constructor() {
    // Loaded at once, and again once the feed confirms the topic (lines written before that were not followed).
    toObservable(this.taskId)
      .pipe(
        tap(() => void this.load()),
        switchMap((id) => this.live.on(`task:${id}`)),
        takeUntilDestroyed(),
      )
      .subscribe((update) => {
        if (update.kind === 'subscribed') return void this.load();
        const message = update.message as TaskMessage;
        // A status change: an ended task's log is complete, and a fetch now says so.
        if (!isProgressReport(message)) return void this.load();
        if (!message.data.lines?.length) return;
        this.join.received(message.data.lines);
        this.lines.set([...this.join.lines]);
      });
    afterRenderEffect(() => {
      this.shown();
      const viewport = this.viewport().nativeElement;
      if (this.atEnd) viewport.scrollTop = viewport.scrollHeight;
    });
  }

  protected async load(): Promise<void> {
    const load = ++this.loads;
    this.join.start();
    this.loading.set(true);
    try {
      const logs = await this.tasks.logs(this.taskId());
      if (load !== this.loads) return;
      this.join.fetched(logs.lines);
      this.lines.set([...this.join.lines]);
      this.complete.set(logs.complete);
      this.error.set(null);
    } catch (error) {
      if (load === this.loads) this.error.set(toApiError(error));
    } finally {
      if (load === this.loads) this.loading.set(false);
    }
  }

  protected follow(): void {
    const { scrollTop, clientHeight, scrollHeight } = this.viewport().nativeElement;
    this.atEnd = scrollTop + clientHeight >= scrollHeight - BOTTOM_SLACK_PX;
  }
}
