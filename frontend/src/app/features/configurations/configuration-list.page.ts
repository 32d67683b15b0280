import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { ConfigView } from '@thymis/contracts';
import { auditTime } from 'rxjs';
import { Loader } from '../../core/http/loader';
import { LiveService } from '../../core/live/live.service';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { ConfigurationsService } from './configurations.service';
import { CreateConfigurationDialogComponent } from './create-configuration-dialog.component';
import { modelName } from './hardware';

/** Changes come in bursts (a revert touches many): one refetch for each. */
export const STATE_REFETCH_MS = 200;

/** Every configuration with its hardware, tags and modules, kept current by the live feed; creates new ones. */
@Component({
  selector: 'app-configuration-list-page',
  imports: [RouterLink, LoadStateComponent, CreateConfigurationDialogComponent],
  templateUrl: './configuration-list.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigurationListPage {
  private readonly service = inject(ConfigurationsService);
  private readonly router = inject(Router);

  protected readonly configs = new Loader(() => this.service.list());
  /** For the tags' names: configurations hold only their identifiers. */
  protected readonly tags = new Loader(() => this.service.tags());
  protected readonly creating = signal(false);
  protected readonly modelName = modelName;
  private readonly tagNames = computed(
    () => new Map(this.tags.value()?.items.map((tag) => [tag.identifier, tag.displayName]) ?? []),
  );

  constructor() {
    // Also after each (re)subscription: the feed does not replay what happened while it was away.
    inject(LiveService)
      .on('state')
      .pipe(auditTime(STATE_REFETCH_MS), takeUntilDestroyed())
      .subscribe(() => this.refresh());
    this.refresh();
  }

  protected tagName(identifier: string): string {
    return this.tagNames().get(identifier) ?? identifier;
  }

  protected async opened(config: ConfigView): Promise<void> {
    this.creating.set(false);
    await this.router.navigate(['/configurations', config.identifier]);
  }

  private refresh(): void {
    void this.configs.reload();
    void this.tags.reload();
  }
}
