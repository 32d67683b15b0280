import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { refetchOnChange } from '../../core/live/refetch-on-change';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { TaskProgressComponent } from '../../shared/task-progress/task-progress.component';
import { ConfigurationsService } from './configurations.service';

/** A build reports many times a second; the list of builds only needs each status change. */
const TASKS_REFETCH_MS = 500;

/** The docs' "Download Replacement Image": start a build, watch it, download the image; and the last few builds. */
@Component({
  selector: 'app-image-builds',
  imports: [DatePipe, RouterLink, LoadStateComponent, TaskProgressComponent],
  template: `
    <div class="start">
      <p class="muted">
        Builds a disk or SD card image of this configuration as it is now, to write onto the device's disk or card.
      </p>
      <button type="button" class="btn btn-primary" (click)="request()" [disabled]="requesting()">
        {{ requesting() ? 'Starting…' : 'Download Replacement Image' }}
      </button>
    </div>
    @if (error(); as error) {
      <p class="alert" role="alert">{{ error.message }}</p>
    }
    @if (taskId(); as taskId) {
      <div class="current" aria-label="Image build" role="region">
        <app-task-progress [taskId]="taskId" />
      </div>
    }

    <h3>Recent image builds</h3>
    <app-load-state
      [loading]="builds.pending()"
      [error]="builds.error()"
      [empty]="builds.value()?.items?.length === 0"
      emptyText="No image built yet."
      (retry)="builds.reload()"
    />
    @if (builds.value(); as page) {
      <ul class="builds">
        @for (task of page.items; track task.id) {
          <li>
            <span class="badge badge-{{ task.status }}">{{ task.status }}</span>
            <a [routerLink]="['/tasks', task.id]">{{ task.createdAt | date: 'medium' }}</a>
            @if (task.artifact; as artifact) {
              <span class="muted">{{ artifact.name }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .start {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-3);
    }
    .start p {
      flex: 1 1 20rem;
      margin: 0;
    }
    .current {
      margin-top: var(--space-4);
      padding: var(--space-4);
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    h3 {
      margin: var(--space-5) 0 var(--space-2);
      font-size: 1rem;
    }
    .builds {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .builds li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-3);
      padding: var(--space-2) 0;
      border-bottom: 1px solid var(--border);
    }
    .builds li:last-child {
      border-bottom: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImageBuildsComponent {
  private readonly configs = inject(ConfigurationsService);

  readonly configId = input.required<string>();

  protected readonly taskId = signal<string | null>(null);
  protected readonly requesting = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly builds = new Loader(() => this.configs.recentImageBuilds(untracked(this.configId)));

  constructor() {
    effect(() => {
      this.configId();
      untracked(() => {
        this.taskId.set(null);
        void this.builds.reload();
      });
    });
    refetchOnChange('tasks', TASKS_REFETCH_MS, () => void this.builds.reload());
  }

  protected async request(): Promise<void> {
    this.requesting.set(true);
    this.error.set(null);
    try {
      const { taskId } = await this.configs.requestImage(this.configId());
      this.taskId.set(taskId);
      void this.builds.reload();
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.requesting.set(false);
    }
  }
}
