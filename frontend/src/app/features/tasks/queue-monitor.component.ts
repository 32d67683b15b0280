import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { QueueView } from '@thymis/contracts';
import { auditTime, interval, merge } from 'rxjs';
import { Loader } from '../../core/http/loader';
import { LiveService } from '../../core/live/live.service';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { TasksService } from './tasks.service';

/** Task events come in bursts: one refetch per second at most. */
const REFETCH_AFTER_MS = 1000;
/** Workers connecting or leaving, and BullMQ's own counts, raise no task event: looked at again this often. */
const REFRESH_EVERY_MS = 10_000;

const COUNTS: (keyof QueueView['counts'])[] = ['waiting', 'active', 'completed', 'failed', 'delayed', 'paused'];

/** Each job queue's jobs per state and the worker processes connected to it. */
@Component({
  selector: 'app-queue-monitor',
  imports: [LoadStateComponent],
  templateUrl: './queue-monitor.component.html',
  styleUrl: './queue-monitor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueMonitorComponent {
  private readonly tasks = inject(TasksService);
  private readonly live = inject(LiveService);

  protected readonly queues = new Loader(() => this.tasks.queues());
  protected readonly counts = COUNTS;

  constructor() {
    void this.queues.reload();
    merge(this.live.on('tasks').pipe(auditTime(REFETCH_AFTER_MS)), interval(REFRESH_EVERY_MS))
      .pipe(takeUntilDestroyed())
      .subscribe(() => void this.queues.reload());
  }
}
