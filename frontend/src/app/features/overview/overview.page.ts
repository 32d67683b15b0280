import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Loader } from '../../core/http/loader';
import { LiveService } from '../../core/live/live.service';
import { refetchOnChange } from '../../core/live/refetch-on-change';
import { LiveIndicatorComponent } from '../../shared/live-indicator/live-indicator.component';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { OverviewService, taskStatuses } from './overview.service';

/** Live changes come in bursts (a build reports every step): one refetch per second at most. */
const REFETCH_AFTER_MS = 1000;

/** How much there is and whether the controller is well, kept current by the live feed. */
@Component({
  selector: 'app-overview-page',
  imports: [RouterLink, LoadStateComponent, LiveIndicatorComponent],
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly overview = inject(OverviewService);
  protected readonly live = inject(LiveService);

  protected readonly counts = new Loader(() => this.overview.counts());
  protected readonly health = new Loader(() => this.overview.health());
  protected readonly statuses = taskStatuses;
  protected readonly nothingYet = computed(() => {
    const counts = this.counts.value();
    return !!counts && counts.configurations === 0 && counts.tags === 0;
  });

  constructor() {
    this.refresh();
    refetchOnChange(['state', 'tasks'], REFETCH_AFTER_MS, () => this.refresh());
  }

  protected refresh(): void {
    void this.counts.reload();
    void this.health.reload();
  }

  protected totalTasks(tasks: Record<string, number>): number {
    return Object.values(tasks).reduce((sum, n) => sum + n, 0);
  }
}
