import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ConfirmDialogComponent } from '../confirm-dialog/confirm-dialog.component';
import { LoadStateComponent } from '../load-state/load-state.component';
import type { EditableResource, VersionedView } from './editable-resource';

/**
 * The top of a detail page: the link back to the list, the title, Delete with its confirmation (the content says what
 * goes with it), and the load state of the EditableResource, so the page's own template holds only its sections.
 *
 *   <app-resource-header [resource]="resource" back="/tags" backLabel="All tags" errorTitle="Could not load this tag.">
 *     Configurations carrying it lose it.
 *   </app-resource-header>
 */
@Component({
  selector: 'app-resource-header',
  imports: [RouterLink, LoadStateComponent, ConfirmDialogComponent],
  template: `
    @let current = resource().current();
    <header class="page-header">
      <div>
        <a class="back" [routerLink]="back()">&larr; {{ backLabel() }}</a>
        <h1>{{ current?.displayName ?? resource().id() }}</h1>
      </div>
      @if (current) {
        <button type="button" class="btn btn-danger" (click)="resource().confirmDelete.set(true)">Delete</button>
      }
    </header>

    <app-load-state
      [loading]="resource().loader.pending()"
      [error]="resource().loader.error()"
      [errorTitle]="errorTitle()"
      (retry)="resource().loader.reload()"
    />
    @if (resource().deleteError(); as error) {
      <p class="alert" role="alert">{{ error.message }}</p>
    }

    @if (current) {
      <app-confirm-dialog
        [open]="resource().confirmDelete()"
        (openChange)="resource().confirmDelete.set($event)"
        [heading]="'Delete ' + current.displayName + '?'"
        confirmLabel="Delete"
        danger
        [busy]="resource().deleting()"
        (confirmed)="resource().delete(current)"
      >
        <ng-content />
      </app-confirm-dialog>
    }
  `,
  // As if its parts stood in the page itself.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResourceHeaderComponent {
  readonly resource = input.required<EditableResource<VersionedView>>();
  /** The list's route, and the link's words ("All tags"). */
  readonly back = input.required<string>();
  readonly backLabel = input.required<string>();
  readonly errorTitle = input.required<string>();
}
