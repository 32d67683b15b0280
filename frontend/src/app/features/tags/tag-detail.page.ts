import { ChangeDetectionStrategy, Component, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TagView } from '@thymis/contracts';
import { Loader } from '../../core/http/loader';
import { EditableResource } from '../../shared/resource-page/editable-resource';
import { ResourceHeaderComponent } from '../../shared/resource-page/resource-header.component';
import { ModuleEditorComponent } from '../modules/module-editor.component';
import type { ModuleOwner } from '../modules/modules.service';
import { TagFormComponent } from './tag-form.component';
import { TagsService } from './tags.service';

/** One tag: its name and priority, the configurations carrying it, its modules, and deleting it. */
@Component({
  selector: 'app-tag-detail-page',
  imports: [RouterLink, ResourceHeaderComponent, TagFormComponent, ModuleEditorComponent],
  templateUrl: './tag-detail.page.html',
  styleUrl: './tag-detail.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagDetailPage {
  private readonly service = inject(TagsService);

  /** The `:id` route parameter: the tag's identifier. */
  readonly id = input.required<string>();

  protected readonly configs = new Loader(() => this.service.configsWith(untracked(this.id)));
  protected readonly resource = new EditableResource<TagView>({
    id: this.id,
    service: this.service,
    listPath: '/tags',
    alongside: [this.configs],
  });

  /** The module routes answer with the whole tag. */
  protected moduleChanged(owner: ModuleOwner): void {
    this.resource.current.set(owner as TagView);
  }
}
