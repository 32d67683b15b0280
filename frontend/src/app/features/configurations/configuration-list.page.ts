import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ConfigView } from '@thymis/contracts';
import { Loader } from '../../core/http/loader';
import { refetchOnChange, STATE_REFETCH_MS } from '../../core/live/refetch-on-change';
import { ListHeaderComponent } from '../../shared/resource-page/list-header.component';
import { ConfigurationsService } from './configurations.service';
import { CreateConfigurationDialogComponent } from './create-configuration-dialog.component';
import { modelName } from './hardware';

/** Every configuration with its hardware, tags and modules, kept current by the live feed; creates new ones. */
@Component({
  selector: 'app-configuration-list-page',
  imports: [RouterLink, ListHeaderComponent, CreateConfigurationDialogComponent],
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
    refetchOnChange('state', STATE_REFETCH_MS, () => this.refresh());
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
