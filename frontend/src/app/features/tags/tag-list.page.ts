import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { TagView } from '@thymis/contracts';
import { Loader } from '../../core/http/loader';
import { refetchOnChange, STATE_REFETCH_MS } from '../../core/live/refetch-on-change';
import { ListHeaderComponent } from '../../shared/resource-page/list-header.component';
import { CreateTagDialogComponent } from './create-tag-dialog.component';
import { TagsService } from './tags.service';

/** Every tag, by priority as the API orders them (lower wins), kept current by the live feed; creates new ones. */
@Component({
  selector: 'app-tag-list-page',
  imports: [RouterLink, ListHeaderComponent, CreateTagDialogComponent],
  template: `
    <app-list-header
      heading="Tags"
      createLabel="Create tag"
      [list]="tags"
      emptyText="No tags yet: a tag gives the configurations carrying it the same modules."
      (create)="creating.set(true)"
    />
    @if (tags.value(); as page) {
      @if (page.items.length > 0) {
        <table class="table table-cards">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Identifier</th>
              <th scope="col">Priority</th>
              <th scope="col">Modules</th>
            </tr>
          </thead>
          <tbody>
            @for (tag of page.items; track tag.identifier) {
              <tr>
                <td data-label="Name">
                  <a [routerLink]="[tag.identifier]">{{ tag.displayName }}</a>
                </td>
                <td data-label="Identifier">
                  <code>{{ tag.identifier }}</code>
                </td>
                <td data-label="Priority">{{ tag.priority }}</td>
                <td data-label="Modules">{{ tag.modules.length }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
    @if (creating()) {
      <app-create-tag-dialog (created)="opened($event)" (closed)="creating.set(false)" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagListPage {
  private readonly service = inject(TagsService);
  private readonly router = inject(Router);

  protected readonly tags = new Loader(() => this.service.list());
  protected readonly creating = signal(false);

  constructor() {
    refetchOnChange('state', STATE_REFETCH_MS, () => void this.tags.reload());
    void this.tags.reload();
  }

  protected async opened(tag: TagView): Promise<void> {
    this.creating.set(false);
    await this.router.navigate(['/tags', tag.identifier]);
  }
}
