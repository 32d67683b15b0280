import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ConfigView } from '@thymis/contracts';
import { Loader } from '../../core/http/loader';
import { EditableResource } from '../../shared/resource-page/editable-resource';
import { ResourceHeaderComponent } from '../../shared/resource-page/resource-header.component';
import { ModuleEditorComponent } from '../modules/module-editor.component';
import type { ModuleOwner } from '../modules/modules.service';
import { ConfigurationsService } from './configurations.service';
import { CoreConfigurationFormComponent } from './core-configuration-form.component';
import { ImageBuildsComponent } from './image-builds.component';

/** One configuration: Core Device Configuration, its modules, Download Replacement Image, and deleting it. */
@Component({
  selector: 'app-configuration-detail-page',
  imports: [ResourceHeaderComponent, CoreConfigurationFormComponent, ModuleEditorComponent, ImageBuildsComponent],
  templateUrl: './configuration-detail.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigurationDetailPage {
  private readonly service = inject(ConfigurationsService);

  /** The `:id` route parameter: the configuration's identifier. */
  readonly id = input.required<string>();

  protected readonly tags = new Loader(() => this.service.tags());
  protected readonly resource = new EditableResource<ConfigView>({
    id: this.id,
    service: this.service,
    listPath: '/configurations',
    alongside: [this.tags],
  });

  /** The module routes answer with the whole configuration. */
  protected moduleChanged(owner: ModuleOwner): void {
    this.resource.current.set(owner as ConfigView);
  }
}
