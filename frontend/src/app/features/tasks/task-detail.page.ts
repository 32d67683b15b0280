import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { liveTask } from '../../shared/task-progress/live-task';
import { shortId } from '../../shared/task-progress/task-display';
import { TaskProgressComponent } from '../../shared/task-progress/task-progress.component';
import { TaskActionsComponent } from './task-actions.component';
import { TaskLogComponent } from './task-log.component';
import { typeLabel } from './tasks.service';

/** One task: what it is, how far it got (live), its log as it is written, and cancel or retry. */
@Component({
  selector: 'app-task-detail-page',
  imports: [DatePipe, RouterLink, LoadStateComponent, TaskActionsComponent, TaskLogComponent, TaskProgressComponent],
  templateUrl: './task-detail.page.html',
  styleUrl: './task-detail.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  private readonly router = inject(Router);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly watched = liveTask(this.id);
  protected readonly task = this.watched.task;
  protected readonly heading = computed(() => {
    const task = this.task();
    return `${task ? typeLabel(task.type) : 'Task'} ${shortId(this.id())}`;
  });
  protected readonly shortId = shortId;
  protected readonly typeLabel = typeLabel;
  protected readonly note = signal<string | null>(null);

  protected cancelled(): void {
    this.note.set('Cancelled: a running build is stopped by its worker.');
    void this.watched.reload();
  }

  /** The retry is a task of its own: its page follows it. */
  protected async retried(newId: string): Promise<void> {
    this.note.set(null);
    await this.router.navigate(['/tasks', newId]);
  }
}
