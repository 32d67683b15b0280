import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { ConfigView } from '@thymis/contracts';
import { auditTime } from 'rxjs';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { LiveService } from '../../core/live/live.service';
import { ConfirmDialogComponent } from '../../shared/confirm-dialog/confirm-dialog.component';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { ModuleEditorComponent } from '../modules/module-editor.component';
import { newestOwner, type ModuleOwner } from '../modules/modules.service';
import { ConfigurationsService } from './configurations.service';
import { CoreConfigurationFormComponent } from './core-configuration-form.component';
import { ImageBuildsComponent } from './image-builds.component';

const STATE_REFETCH_MS = 200;

/** One configuration: Core Device Configuration, its modules, Download Replacement Image, and deleting it. */
@Component({
  selector: 'app-configuration-detail-page',
  imports: [
    RouterLink,
    LoadStateComponent,
    ConfirmDialogComponent,
    CoreConfigurationFormComponent,
    ModuleEditorComponent,
    ImageBuildsComponent,
  ],
  templateUrl: './configuration-detail.page.html',
  styleUrl: './configuration-detail.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigurationDetailPage {
  private readonly service = inject(ConfigurationsService);
  private readonly router = inject(Router);

  /** The `:id` route parameter: the configuration's identifier. */
  readonly id = input.required<string>();

  protected readonly config = new Loader(() => this.service.get(untracked(this.id)));
  protected readonly tags = new Loader(() => this.service.tags());
  /** The newest the page knows: the last fetch, or the answer of its own last write, whichever came later. */
  protected readonly current = linkedSignal<ConfigView | undefined, ConfigView | undefined>({
    source: () => (this.config.error()?.statusCode === 404 ? undefined : this.config.value()),
    computation: newestOwner,
  });
  protected readonly confirmDelete = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<ApiError | null>(null);

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.refresh());
    });
    inject(LiveService)
      .on('state')
      .pipe(auditTime(STATE_REFETCH_MS), takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  protected refresh(): void {
    void this.config.reload();
    void this.tags.reload();
  }

  /** The module routes answer with the whole configuration. */
  protected moduleChanged(owner: ModuleOwner): void {
    this.current.set(owner as ConfigView);
  }

  protected async delete(config: ConfigView): Promise<void> {
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await this.service.delete(config.identifier, config.version);
      await this.router.navigate(['/configurations']);
    } catch (error) {
      const refused = toApiError(error);
      this.deleteError.set(refused);
      if (refused.statusCode === 412) this.refresh();
    } finally {
      this.deleting.set(false);
      this.confirmDelete.set(false);
    }
  }
}
